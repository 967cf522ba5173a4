#ifndef RONGHE_CMINIZIP_SHIM_H
#define RONGHE_CMINIZIP_SHIM_H
#include <minizip/unzip.h>
#include <minizip/zip.h>
#endif
