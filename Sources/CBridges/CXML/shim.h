// libxml2's SAX2 parser: XML documents read in one pass, straight into the engine's own tree.
#include <libxml/xmlversion.h>
// libxml2's encoding header pulls in ICU's when libxml2 was built with ICU; those types clash with
// the ICU that Foundation carries and nothing here uses them. Only pointers to the encoding
// handler appear in what Swift touches, so leaving them out changes no layout it reads.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

// libxml2 writes some errors (a failed encoding conversion) straight to its generic error
// function, which prints to stderr; that function is variadic, so the no-op is written in C.
static inline void seedtui_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }
// The calling thread's handler: set before each parse, since any thread may parse.
static inline void seedtui_xml_silence(void) { xmlSetGenericErrorFunc(NULL, seedtui_xml_ignore); }
// The default new threads start with: set once, process-wide (it takes a lock).
static inline void seedtui_xml_silence_new_threads(void) { xmlThrDefSetGenericErrorFunc(NULL, seedtui_xml_ignore); }
