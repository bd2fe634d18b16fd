#ifndef CLAIMDESK_CPOSTGRES_SHIM_H
#define CLAIMDESK_CPOSTGRES_SHIM_H
// libpq, PostgreSQL's C client (Debian: libpq-dev). Only functions are used from Swift: no mutable
// globals, so nothing here needs a setter the way CReadline's shim does.
#include <postgresql/libpq-fe.h>
#endif
