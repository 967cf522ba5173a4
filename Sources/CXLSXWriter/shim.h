#ifndef RONGHE_CXLSXWRITER_SHIM_H
#define RONGHE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
