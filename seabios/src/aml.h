/*
 * aml.h - a small builder for ACPI Machine Language (ACPI 6.x, chapter 20).
 *
 * Plain C with no firmware dependencies: the caller provides the buffer,
 * so the same file builds into the firmware and into host unit tests
 * (cc -I seabios/src seabios/src/aml.c).
 *
 * Usage: aml_init() on a buffer, then append objects in AML order. Blocks
 * that carry a PkgLength (Scope, Device, Method, If, Else, Package,
 * ResourceTemplate) are opened by their function and closed by aml_end(),
 * which encodes the PkgLength once the contents are known. Name and
 * Return take their value from the next object appended:
 *
 *     aml_scope(b, "\\_SB.PCI0");
 *         aml_name_decl(b, "_CRS");
 *         aml_resource_template(b);
 *             aml_word_bus_number(b, 0, 0xff);
 *         aml_end(b);
 *     aml_end(b);
 *
 * Errors (buffer full, bad name, unbalanced blocks) are sticky: check
 * aml_finish() once at the end.
 */
#ifndef AML_H
#define AML_H

#include <stddef.h>
#include <stdint.h>

#define AML_MAX_DEPTH 16

struct aml_buf {
    uint8_t *data;
    size_t len;
    size_t cap;
    int error;
    int depth;
    struct {
        size_t start;           /* where the PkgLength goes */
        int kind;
    } open[AML_MAX_DEPTH];
};

void aml_init(struct aml_buf *b, void *mem, size_t cap);
/* Returns the AML length, or 0 if anything failed or a block is open. */
size_t aml_finish(struct aml_buf *b);

/*
 * Encodes the PkgLength of a package whose contents after the PkgLength
 * are len bytes (the encoded value counts its own 1-4 bytes too). Returns
 * the number of bytes written to out, 0 if len is too big to encode.
 */
size_t aml_pkg_length(uint8_t out[4], size_t len);

/* Raw bytes and names. */
void aml_byte(struct aml_buf *b, uint8_t v);
void aml_name(struct aml_buf *b, const char *path);  /* NameString: "\\_SB.PCI0", "^FOO", "_CRS" */

/* Blocks, closed by aml_end(). */
void aml_scope(struct aml_buf *b, const char *path);
void aml_device(struct aml_buf *b, const char *path);
void aml_method(struct aml_buf *b, const char *path, int nargs, int serialized);
void aml_if(struct aml_buf *b);         /* then the predicate, then the body */
void aml_else(struct aml_buf *b);
void aml_package(struct aml_buf *b, uint8_t nelems);
void aml_resource_template(struct aml_buf *b);
void aml_end(struct aml_buf *b);

/* Named objects and statements. */
void aml_name_decl(struct aml_buf *b, const char *name);  /* then the value */
void aml_return(struct aml_buf *b);                       /* then the value */
/* A method invocation: the name, then as many arguments as the method
 * takes (the parser learns the count from the namespace, so a method of
 * another table needs an aml_external() first). */
void aml_call(struct aml_buf *b, const char *path);
void aml_notify(struct aml_buf *b);     /* then the object, then the value */
void aml_lequal(struct aml_buf *b);     /* then the two operands */

/* External (ACPI 6.x, 20.2.5.2): declares an object of another table so
 * that a disassembler can parse calls to it. Put externals inside
 * If (Zero) { } as iasl does: interpreters (ACPICA included) fail on a
 * bare External at load time, and the disassembler expects that form. */
#define AML_OBJTYPE_INTEGER 1
#define AML_OBJTYPE_METHOD  8
void aml_external(struct aml_buf *b, const char *path, uint8_t type,
                  uint8_t nargs);

/* Data objects. */
void aml_integer(struct aml_buf *b, uint64_t v);  /* shortest encoding */
void aml_string(struct aml_buf *b, const char *s);
void aml_eisaid(struct aml_buf *b, const char *id);  /* "PNP0C80" */
void aml_arg(struct aml_buf *b, int n);              /* Arg0-Arg6 */
void aml_local(struct aml_buf *b, int n);            /* Local0-Local7 */

/* Resource descriptors, inside aml_resource_template(). Producer ranges
 * (a bridge's windows), fixed minimum and maximum, positive decode. */
void aml_io(struct aml_buf *b, uint16_t min, uint16_t max, uint8_t align,
            uint8_t len);                                  /* IO(Decode16) */
void aml_irq_noflags(struct aml_buf *b, uint8_t irq);      /* IRQNoFlags */
void aml_word_bus_number(struct aml_buf *b, uint16_t min, uint16_t max);
void aml_dword_io(struct aml_buf *b, uint32_t min, uint32_t max);
void aml_dword_memory(struct aml_buf *b, uint32_t min, uint32_t max,
                      int cacheable);
void aml_qword_memory(struct aml_buf *b, uint64_t min, uint64_t max,
                      int cacheable);

#endif
