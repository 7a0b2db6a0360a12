/*
 * fuzz-machine.h - the PC machine without KVM, as the fuzz targets drive
 * it: the same devices hw/pc.c builds (minus the accelerator), DIMM slots
 * from a fixed command line, a small low-RAM block for fw_cfg DMA, and the
 * checks that turn a broken DIMM mapping into a crash libFuzzer reports.
 *
 * Every target builds its machine here, so that a change of the machine's
 * set-up (hw/pc.c, hw/pc_dimm.c, the monitor attach) is adapted in one spot.
 */
#ifndef TESTS_FUZZ_FUZZ_MACHINE_H
#define TESTS_FUZZ_FUZZ_MACHINE_H

#include "hw/acpi_piix4.h"
#include "hw/fw_cfg.h"
#include "hw/fw_event_port.h"
#include "hw/i440fx.h"
#include "hw/i8042.h"
#include "hw/pc_dimm.h"
#include "hw/pc_memmap.h"
#include "hw/piix3.h"
#include "hw/rtc_cmos.h"
#include "hw/serial.h"
#include "hotmem/guest-mem.h"
#include "hotmem/options.h"

#include <stddef.h>
#include <stdint.h>

/* Guest RAM the fw_cfg DMA descriptors and buffers may point into: [0, 1 MiB)
 * of a heap buffer, so that ASan sees any access past its end. */
#define FUZZ_LOW_RAM_SIZE (1u << 20)

/* The declared slots of the machine's command line (fuzz-machine.c). */
#define FUZZ_DECLARED_IDS "d0", "d1", "d2"

typedef enum {
    FUZZ_MACHINE_DEVICES = 1 << 0,   /* chipset, ISA devices, fw_cfg, low RAM */
    FUZZ_MACHINE_MONITOR = 1 << 1,   /* memory and machine ops for QMP/HMP */
} FuzzMachineFlags;

typedef struct FuzzMachine {
    unsigned flags;
    MachineConfig cfg;
    PcMemoryLayout layout;
    I440fxState *i440fx;
    Piix3State *piix3;
    AcpiPiix4State *pm;
    SerialState *serial;
    RtcCmosState *rtc;
    I8042State *kbd;
    FwEventPort *fw_events;
    FwCfgState *fw_cfg;
    PcDimms *dimms;
    uint8_t *low_ram;
    RamBlock *ram_low;
    bool paused;                     /* the monitor's stop/cont */
    unsigned resets;
} FuzzMachine;

/* Once per process: a scratch directory (while a machine exists, files that
 * commands such as pmemsave open land there), a small file size limit and
 * quiet glib logging. Call from LLVMFuzzerInitialize. */
void fuzz_process_init(void);
const char *fuzz_scratch_dir(void);

/* Aborts when the machine cannot be built: a harness that silently fuzzes
 * nothing would be worse than one that stops. */
FuzzMachine *fuzz_machine_new(unsigned flags);
void fuzz_machine_free(FuzzMachine *m);
/* What the main loop does with a reset request (hw/pc.c reset_devices). */
void fuzz_machine_reset(FuzzMachine *m);
/* Acts on a pending vm_request() as the main loop would: a reset resets the
 * devices, a shutdown or quit is only taken (the harness goes on). */
void fuzz_machine_service_requests(FuzzMachine *m);
/*
 * The DIMM invariant, checked after every step (device lock held): every
 * enabled DIMM's RAM block is registered at its base with its size and host
 * pointer and guest_mem_range(base, size) returns that pointer; no disabled
 * DIMM's range resolves; every RAM block inside the hotplug region belongs
 * to an enabled DIMM; the register block says enabled exactly for the
 * enabled DIMMs. Aborts with a message naming the slot otherwise.
 */
void fuzz_dimms_check(const PcDimms *d);

/*
 * A guest that answers the register block the way Linux's AML driver does,
 * for the monitor targets: every slot with an event pending is acknowledged
 * and reported through the ports. An input that starts with one of these
 * bytes (never the start of a QMP request or an HMP line) gets that guest;
 * the byte is not part of the stream.
 */
typedef enum {
    FUZZ_GUEST_NONE,
    FUZZ_GUEST_COOPERATIVE = 0xf9,   /* _OST success, ejects what it is asked to */
    FUZZ_GUEST_REFUSING = 0xfa,      /* _OST failure for adds, 0x82 (busy) for removals */
    FUZZ_GUEST_POWER = 0xfb,         /* cooperative, and _PS3/_PS0 on every slot */
} FuzzGuest;

/* Strips the guest byte off the input, if there is one. */
FuzzGuest fuzz_guest_from_input(const uint8_t **data, size_t *size);
/* One pass of the guest over every slot (device lock held). */
void fuzz_guest_run(FuzzMachine *m, FuzzGuest guest);

/* Removes the files the last input's commands created in the scratch dir. */
void fuzz_clean_scratch(void);

/* Reads a little-endian integer of n bytes from the input, zero past its end. */
typedef struct FuzzInput {
    const uint8_t *p;
    size_t left;
} FuzzInput;

uint64_t fuzz_take(FuzzInput *in, unsigned n);

#endif
