#ifndef INTERNMATCH_CLIBCRYPTO_SHIM_H
#define INTERNMATCH_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto (Debian: libssl-dev), for the SHA-256 digests of a run manifest only.
#include <openssl/evp.h>
#endif
