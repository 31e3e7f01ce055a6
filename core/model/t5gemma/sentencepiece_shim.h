// SPDX-License-Identifier: GPL-3.0-or-later
// C interface of the sa3_sentencepiece plug-in, the only code that touches libsentencepiece.
//
// Why a plug-in: Debian's libsentencepiece exports its bundled protobuf 3.14 runtime, and
// libtorch pulls in the system libprotobuf 3.21. Linked into one program, whichever comes
// first in the global symbol scope breaks the other at start-up (a crash in libprotobuf's
// static initialisers, or sentencepiece's protobuf version check aborting). The plug-in is
// dlopen()ed with RTLD_LOCAL | RTLD_DEEPBIND (sentencepiece_library.h), which keeps the two
// protobuf copies apart. Never link sentencepiece directly into a target that links torch.
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sa3_spm sa3_spm;

// Loads a SentencePiece model file; null on failure with a message in err.
typedef sa3_spm* (*sa3_spm_load_fn)(const char* path, char* err, size_t err_len);
// Frees a loaded model.
typedef void (*sa3_spm_free_fn)(sa3_spm* model);
// Vocabulary size of a loaded model.
typedef int (*sa3_spm_piece_size_fn)(const sa3_spm* model);
// Encodes text to ids (no BOS/EOS). Returns the total id count and writes up to `capacity`
// of them; -1 on failure with a message in err.
typedef long (*sa3_spm_encode_fn)(const sa3_spm* model, const char* text, size_t text_len, int* ids,
                                  size_t capacity, char* err, size_t err_len);
// SentencePieceTrainer::Train with command-line style flags; 0 on success, -1 with err.
typedef int (*sa3_spm_train_fn)(const char* flags, char* err, size_t err_len);

#ifdef __cplusplus
}
#endif
