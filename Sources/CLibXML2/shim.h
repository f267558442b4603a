#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the
// system <unicode/ucnv.h>. Foundation on Linux ships different ICU headers
// (module _FoundationICU), and a clean build then fails on two definitions of
// 'UErrorCode'. Nothing here touches the ICU fields, so hide ICU from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>

/// `xmlFree` is a mutable C global (a function pointer), which Swift 6 refuses
/// to read under strict concurrency; calling it from C sidesteps that.
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }
#endif
