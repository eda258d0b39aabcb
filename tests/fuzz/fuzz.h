/* fuzz.h -- what each fuzz target provides.
 *
 * A fuzz target is one file, tests/fuzz/fuzz-NAME.c, that defines
 * fuzz_check() and LLVMFuzzerTestOneInput(), the entry point of clang's
 * libFuzzer.  'make fuzz' links it with libFuzzer, which calls the entry
 * point with millions of inputs mutated from the seed corpus
 * tests/fuzz/corpus-NAME/; 'make check' links it with replay.c, which
 * calls fuzz_check() once for each file of that corpus.
 *
 * Copyright 2026 the nnc authors.  SPDX-License-Identifier: MIT
 */
#ifndef NNC_FUZZ_H
#define NNC_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Feeds the SIZE bytes at DATA to the code under test.  Returns 1 if
 * they were accepted, 0 if they were refused with a message; calls
 * abort() if the code broke one of its promises (accepted data that
 * does not hold together, a refusal without a message), so that the
 * fuzzer reports it like a crash. */
int fuzz_check(const uint8_t *data, size_t size);

/* libFuzzer's entry point: fuzz_check(), and 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* NNC_FUZZ_H */
