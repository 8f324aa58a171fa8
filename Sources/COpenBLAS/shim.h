// The C surface Affinity uses: OpenBLAS's CBLAS (with its openblas_* extensions) and LAPACKE.
#ifndef AFFINITY_COPENBLAS_SHIM_H
#define AFFINITY_COPENBLAS_SHIM_H

#include <cblas.h>
#include <lapacke.h>

/// `lapack_int` is a macro, which Swift cannot import; this names the same type.
typedef lapack_int affinity_lapack_int;

#endif
