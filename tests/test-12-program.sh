#!/bin/sh
# test-12-program.sh -- chapter 12: --save refuses a file that exists
# (leaving it as it was) unless --force is given, and, even with
# --force, what is not a regular file or a name that cannot be, before
# any training; predict says in one line what is wrong with a missing,
# empty, cut-short or foreign model file, a model whose outputs
# overflow, an unreadable image, a blank image or one with no ink, and
# a FIFO as model or image, and refuses to draw over a FIFO; and on
# MNIST, a network trained and saved by chapter 11's program reads the
# test set in predict --confusion as it did when it was trained, and
# predict reads a test digit written as a picture; and so do the
# networks saved by chapters 7 to 10, whose costs and output layers
# differ; and the two pictures the text shows are what 'make pictures'
# draws now.
#
# The runs on MNIST are skipped when it is absent.  Copyright 2026 the
# nnc authors.  SPDX-License-Identifier: MIT

: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"
predict=$top_builddir/chapters/12-saving-and-predicting/predict
ch11=$top_builddir/chapters/11-hyperparameters/hyperparameters
ch05=$top_builddir/chapters/05-sgd/sgd
ch06=$top_builddir/chapters/06-matrix-minibatch/matrix-minibatch
ch07=$top_builddir/chapters/07-cross-entropy/cross-entropy
ch08=$top_builddir/chapters/08-regularization/regularization
ch09=$top_builddir/chapters/09-initialization/initialization
ch10=$top_builddir/chapters/10-softmax/softmax

echo "1..43"

# --save onto an existing file, before any training: refused, untouched.
exists="$work/old.json: the model file exists; add --force to replace it"
for prog in "$ch05" "$ch06" "$ch07" "$ch08" "$ch09" "$ch10" "$ch11"; do
  name=$(basename "$prog")
  printf 'precious\n' >"$work/old.json"
  bad_with "$exists" --data "$data" --save "$work/old.json"
  printf 'precious\n' | cmp -s - "$work/old.json"
  check $? "$name --save leaves the existing file as it was"
done
prog=$ch05 name=sgd
bad_with "directory $work/none not found" --save "$work/none/m.json"

# --save onto what is not a regular file, even with --force, or onto a
# name too long to be: refused, and left as it was.  The data directory
# does not exist, so that a program that went on to train would fail
# with another message.
prog=$ch08 name=regularization
nowhere=$work/nowhere
mkfifo "$work/fifo"
bad_with "$work/fifo: cannot save the model: it is a FIFO, not a regular \
file" --data "$nowhere" --force --save "$work/fifo"
[ -p "$work/fifo" ]
check $? "$name --force --save leaves the FIFO as it was"
# A character device (1, 7 is /dev/full on Linux), which only root may
# make: run as root, --force --save /dev/null would replace the real one.
if mknod "$work/full" c 1 7 2>/dev/null; then
  bad_with "$work/full: cannot save the model: it is a device, not a \
regular file" --data "$nowhere" --force --save "$work/full"
  [ -c "$work/full" ]
  check $? "$name --force --save leaves the device as it was"
else
  ok "$name --force --save onto a device # SKIP only root may make one"
  ok "$name --force --save leaves the device as it was # SKIP as above"
fi
mkdir "$work/dir"
bad_with "$work/dir: cannot save the model: it is a directory, not a \
regular file" --data "$nowhere" --force --save "$work/dir"
ln -s "$work/none/model.json" "$work/dangling"
bad_with "$work/dangling: cannot save the model: it is a symbolic link" \
  --data "$nowhere" --save "$work/dangling"
bad_with "cannot save the model: cannot check it: File name too long" \
  --data "$nowhere" --save "$work/$(printf '%0256d' 0)"

# Bad models and bad images.
prog=$predict name=predict
bad_with "no model given; name one with --model FILE" x.png
bad_with "$work/missing.json: " --model "$work/missing.json" x.png
: >"$work/empty.json"
bad_with "$work/empty.json: " --model "$work/empty.json" x.png
printf '{"format": "nnc-model", "version": 1, "sizes": [784, 3' \
  >"$work/cut.json"
bad_with "$work/cut.json: " --model "$work/cut.json" x.png
printf '{"format": "something-else"}\n' >"$work/other.json"
bad_with "$work/other.json: " --model "$work/other.json" x.png

# A softmax network [784, 10] whose weights are all 1e308: finite, but
# z^L overflows on any ink, and softmax gives NaN; and an 8 x 8 image,
# a block of white ink 4 wide and 2 high in the middle of black.
awk 'BEGIN {
  printf "{\"format\": \"nnc-model\", \"version\": 1, \"sizes\": [784, 10],"
  printf " \"cost\": \"log-likelihood\", \"output\": \"softmax\","
  printf " \"training\": {}, \"layers\": [{\"layer\": 1, \"b\": [0"
  for (j = 1; j < 10; j++) printf ", 0"
  printf "], \"w\": ["
  for (j = 0; j < 10; j++) {
    printf "%s[1e308", j ? ", " : ""
    for (k = 1; k < 784; k++) printf ", 1e308"
    printf "]"
  }
  printf "]}]}\n"
}' >"$work/huge.json"
{ printf 'P5\n8 8\n255\n'; head -c 26 /dev/zero; printf '\377\377\377\377'
  head -c 4 /dev/zero; printf '\377\377\377\377'; head -c 26 /dev/zero
} >"$work/bar.pgm"
bad_with "$work/huge.json: the network's outputs for $work/bar.pgm are \
not numbers" --model "$work/huge.json" "$work/bar.pgm"

# A FIFO as the model or as the image is refused at once, not waited on
# for a writer (timeout ends the wait, should it ever come back).
printf '#!/bin/sh\nexec timeout 60 "%s" "$@"\n' "$predict" >"$work/predict"
chmod +x "$work/predict"
prog=$work/predict
bad_with "$work/fifo: cannot read: not a regular file" \
  --model "$work/fifo" "$work/bar.pgm"
bad_with "$work/fifo: cannot read: not a regular file" \
  --model "$work/huge.json" "$work/fifo"
prog=$predict

needs_mnist "train and save a network" "image not found" \
  "a blank image" "an image with no ink" "a file that is not an image" \
  "--errors onto a FIFO" \
  "--confusion reads the test set as training did" \
  "a test digit as a picture is read as 7" \
  "cross-entropy --save" "regularization --save" \
  "initialization --save" "softmax --save" \
  "the pictures of the text are what make pictures draws"

"$ch11" --data "$mnist" --train-size 1000 --epochs 2 \
  --save "$work/model.json" >"$work/train.out" 2>"$work/train.err"
check $? "hyperparameters --train-size 1000 --epochs 2 --save model.json"
model=$work/model.json

bad_with "$work/nothing.png: " --model "$model" "$work/nothing.png"
# A blank image: every pixel the same.  No ink: faint marks only.
printf 'P5\n4 4\n255\n' >"$work/blank.pgm"
printf '\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200\200' \
  >>"$work/blank.pgm"
bad_with "$work/blank.pgm: " --model "$model" "$work/blank.pgm"
printf 'P5\n4 4\n255\n' >"$work/faint.pgm"
printf '\200\200\200\200\200\205\205\200\200\205\205\200\200\200\200\200' \
  >>"$work/faint.pgm"
bad_with "$work/faint.pgm: " --model "$model" "$work/faint.pgm"
printf 'hello\n' >"$work/text.png"
bad_with "$work/text.png: " --model "$model" "$work/text.png"
bad_with "$work/fifo: cannot draw the picture: it is a FIFO, not a \
regular file" --model "$model" --data "$mnist" --force --errors "$work/fifo"

# The test accuracy of the kept epoch, as training printed it, is what
# the loaded network reads right.
want=$(sed -n 's/^Kept epoch .*, \([0-9]*\) \/ 10000 test$/\1/p' \
  "$work/train.out")
"$predict" --model "$model" --data "$mnist" --confusion >"$work/conf.out"
got=$(sed -n 's/^Read right: \([0-9]*\) \/ 10000$/\1/p' "$work/conf.out")
[ -n "$want" ] && [ "$got" = "$want" ]
check $? "predict --confusion reads $got test images right, as the \
trained network did ($want)"

# Test image 0 (a 7) as a PGM picture, white ink on black as in MNIST.
{ printf 'P5\n28 28\n255\n'
  dd if="$mnist/t10k-images-idx3-ubyte" bs=16 skip=1 count=49 2>/dev/null
} >"$work/seven.pgm"
"$predict" --model "$model" "$work/seven.pgm" >"$work/seven.out"
grep -q "^$work/seven.pgm: 7$" "$work/seven.out" &&
  [ "$(grep -c '^  outputs:' "$work/seven.out")" -eq 1 ]
check $? "predict reads test digit 0, written as a picture, as a 7, \
and prints its ten outputs"

# saved PROGRAM SED: PROGRAM, trained briefly with --save, prints its
# test images read right in the line that the sed script SED picks
# out; the model it saved reads as many in predict --confusion.
saved() {
  prog=$1; pick=$2
  name=$(basename "$prog")
  rm -f "$work/saved.json"
  "$prog" --data "$mnist" --train-size 1000 --epochs 1 \
    --save "$work/saved.json" >"$work/saved.out" 2>/dev/null &&
    want=$(sed -n "$pick" "$work/saved.out" | tail -n 1) &&
    "$predict" --model "$work/saved.json" --data "$mnist" --confusion \
      >"$work/conf.out" &&
    got=$(sed -n 's/^Read right: \([0-9]*\) \/ 10000$/\1/p' \
      "$work/conf.out") &&
    [ -n "$want" ] && [ "$got" = "$want" ]
  check $? "$name --save: predict reads ${got:-?} test images right, as \
training did (${want:-?})"
}
saved "$ch07" 's/^Epoch [0-9]*: \([0-9]*\) \/ 10000$/\1/p'
saved "$ch08" 's/^Test accuracy: \([0-9]*\) \/ 10000$/\1/p'
saved "$ch09" 's/^Test accuracy: old .*, new \([0-9]*\) \/ 10000$/\1/p'
saved "$ch10" 's/^Test accuracy: \([0-9]*\) \/ 10000$/\1/p'

# The pictures in doc/figures, drawn with OpenBLAS by the commands of
# 'make pictures': another CBLAS rounds differently, trains a slightly
# different network and draws other pictures, so only OpenBLAS is held
# to them, byte for byte.
pictures="the pictures doc/figures/12-weights.png and 12-errors.png are \
what make pictures draws"
cblas=$("$predict" --version | sed -n 's/^CBLAS: //p')
if [ "$cblas" != openblas ]; then
  ok "$pictures # SKIP they were drawn with OpenBLAS, not $cblas"
  exit $fail
fi
"$ch11" --data "$mnist" --train-size 10000 --epochs 10 \
  --save "$work/pictures.json" >/dev/null 2>&1 &&
  "$predict" --data "$mnist" --model "$work/pictures.json" \
    --weights "$work/weights.png" --errors "$work/errors.png" >/dev/null &&
  cmp -s "$work/weights.png" "$top_srcdir/doc/figures/12-weights.png" &&
  cmp -s "$work/errors.png" "$top_srcdir/doc/figures/12-errors.png"
check $? "$pictures"
exit $fail
