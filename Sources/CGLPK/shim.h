#ifndef INTERNMATCH_CGLPK_SHIM_H
#define INTERNMATCH_CGLPK_SHIM_H
// GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev).
#include <glpk.h>
#endif
