#ifndef CARGON2_SHIM_H
#define CARGON2_SHIM_H
#include <argon2.h>
/* mallopt: HashingMemory keeps Argon2's large blocks out of the heap arenas. */
#include <malloc.h>
#endif
