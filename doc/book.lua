-- book.lua -- a pandoc Lua filter that makes the chapter texts one book.
--
-- 'make book' runs pandoc on the top README.md, chapters/*/README.md in
-- order and doc/notation.md.  Each text was written to be read where it
-- lies in the tree: its links and images are relative to its own
-- directory, and its section names ("Running it", "What is left out")
-- recur from chapter to chapter.  Pandoc reads its inputs as one long
-- text, which loses which file a link came from; so this filter reads
-- each input again on its own, and then, for each:
--
--   - gives every heading an identifier prefixed by the text's key
--     (the chapter's directory name, "05-sgd"; "notation"; "nnc" for
--     the top README), and the first heading the key itself, so that
--     identifiers are unique in the book;
--   - rewrites a link to another text of the book, such as
--     ../05-sgd/README.md or ../05-sgd/README.md#running-it, into a
--     link within the book (#05-sgd, #05-sgd-running-it);
--   - makes a link to any other file of the tree (a .c file, a script)
--     plain text, since the book is read away from the tree; the text
--     then names the file, relative to the top of the tree;
--   - rewrites an image's path to be relative to the top of the tree,
--     where pandoc finds it through --resource-path (the build tree,
--     then the source tree) and embeds it.
--
-- The metadata field book-top names the top of the source tree as the
-- input file names begin with it.  The top README's own title is the
-- book's (doc/book.yaml), so its first heading becomes "Introduction".
--
-- Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

local stringify = pandoc.utils.stringify

-- The path P with "." and "dir/.." taken out: "a/b/../c" is "a/c".
-- A path that climbs above its start keeps its leading "..".
local function normalize(p)
  local parts = {}
  for part in p:gmatch("[^/]+") do
    if part == ".." and #parts > 0 and parts[#parts] ~= ".." then
      table.remove(parts)
    elseif part ~= "." then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, "/")
end

-- The key of the text at PATH (relative to the top of the tree):
-- "05-sgd" for chapters/05-sgd/README.md, "notation" for
-- doc/notation.md, "nnc" for README.md; nil for any other file.
local function key_of(path)
  local chapter = path:match("^chapters/([^/]+)/README%.md$")
  if chapter then
    return chapter
  elseif path == "doc/notation.md" then
    return "notation"
  elseif path == "README.md" then
    return "nnc"
  end
  return nil
end

-- The directory of PATH relative to the top, "" for a file at the top.
local function dir_of(path)
  return path:match("^(.*)/[^/]*$") or ""
end

-- PATH joined to DIR and normalized.
local function join(dir, path)
  if dir == "" then
    return normalize(path)
  end
  return normalize(dir .. "/" .. path)
end

-- True for a URL with a scheme (https:, mailto:) rather than a path.
local function is_url(target)
  return target:match("^%a[%w+.-]*:") ~= nil
end

-- The filter for one text, whose path from the top is PATH.
local function text_filter(path)
  local key = key_of(path)
  local dir = dir_of(path)
  local first = true

  return {
    Header = function(h)
      if first then
        first = false
        h.identifier = key
        if key == "nnc" then
          h.content = { pandoc.Str("Introduction") }
        end
      else
        h.identifier = key .. "-" .. h.identifier
      end
      return h
    end,

    Link = function(link)
      local target = link.target
      if is_url(target) then
        return link
      end
      if target:sub(1, 1) == "#" then
        link.target = "#" .. key .. "-" .. target:sub(2)
        return link
      end
      local file, anchor = target:match("^([^#]*)#?(.*)$")
      local to = join(dir, file)
      local to_key = key_of(to)
      if to_key then
        link.target = "#" .. to_key
          .. (anchor ~= "" and ("-" .. anchor) or "")
        return link
      end
      -- Another file of the tree: plain text that names it.
      local text = stringify(link.content)
      local name = to:match("[^/]*$")
      if text:find(name, 1, true) then
        return link.content
      end
      local out = link.content
      table.insert(out, pandoc.Space())
      table.insert(out, pandoc.Str("("))
      table.insert(out, pandoc.Code(to))
      table.insert(out, pandoc.Str(")"))
      return out
    end,

    Image = function(img)
      if not is_url(img.src) then
        img.src = join(dir, img.src)
      end
      return img
    end,
  }
end

-- Reads every input file again, one at a time, and puts their blocks
-- one after another under the document's metadata.
function Pandoc(doc)
  local top = doc.meta["book-top"] and stringify(doc.meta["book-top"])
    or "."
  local prefix = normalize(top)
  local blocks = {}

  for _, file in ipairs(PANDOC_STATE.input_files) do
    local f = assert(io.open(file, "r"))
    local text = f:read("a")
    f:close()
    local path = normalize(file)
    if prefix ~= "" and path:sub(1, #prefix + 1) == prefix .. "/" then
      path = path:sub(#prefix + 2)
    end
    if key_of(path) == nil then
      error("book.lua: " .. file .. " is not a text of the book")
    end
    local part = pandoc.read(text, "markdown")
    part = pandoc.walk_block(pandoc.Div(part.blocks), text_filter(path))
    for _, block in ipairs(part.content) do
      table.insert(blocks, block)
    end
  end
  return pandoc.Pandoc(blocks, doc.meta)
end
