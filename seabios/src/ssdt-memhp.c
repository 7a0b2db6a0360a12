/*
 * ssdt-memhp.c - one ACPI memory device (PNP0C80) per DIMM slot.
 *
 * Every per-slot method is a call of a DSDT helper in \_SB.PCI0.MHPD
 * (src/dsdt-memhp.dsl) with the slot number: the helpers hold the lock
 * around the selector and read the register block at run time, so the
 * SSDT needs no knowledge of what is plugged, and a pc-dimm plugged later
 * into an empty slot reports its own base, size and node.
 *
 * MHPC holds a forwarder of the same name for each helper, so a slot's
 * methods call a bare NameSeg (4 bytes, found by the upward namespace
 * search) instead of the 19-byte path: about 100 bytes less per slot.
 */
#include "hw/hotmem-pc.h"
#include "hpmem.h"
#include "ssdt-memhp.h"

/* a name of hotmem-pc.h as the C string the builder takes */
#define HM_AML_STR(name) HM_AML_STR_(name)
#define HM_AML_STR_(name) #name

#define MHPD_PATH "\\_SB.PCI0." HM_AML_STR(HM_AML_MHPD) "."

/* The DSDT helpers and their argument counts, in the order iasl sorts
 * External declarations (so builder output and iasl's AML are identical,
 * checked by make check). */
static const struct {
    const char *path;
    u8 nargs;
    u8 returns;                 /* returns a value (the others return none) */
} helpers[] = {
    { MHPD_PATH HM_AML_STR(HM_AML_MCRS), 1, 1 },    /* (slot) -> _CRS buffer */
    { MHPD_PATH HM_AML_STR(HM_AML_MEJ0), 1, 0 },    /* (slot) */
    { MHPD_PATH HM_AML_STR(HM_AML_MOST), 3, 0 },    /* (slot, event, status) */
    { MHPD_PATH HM_AML_STR(HM_AML_MPWR), 2, 0 },    /* (slot, power state) */
    { MHPD_PATH HM_AML_STR(HM_AML_MPXM), 1, 1 },    /* (slot) -> _PXM */
    { MHPD_PATH HM_AML_STR(HM_AML_MSTA), 1, 1 },    /* (slot) -> _STA */
};

/* Method (Mxxx, n) { [Return (]\_SB.PCI0.MHPD.Mxxx (Arg0, ...)[)] }: a
 * Return of a call that returns nothing is an AML error, hence `returns`. */
static void forwarder(struct aml_buf *b, const char *path, u8 nargs, u8 returns)
{
    u8 i;

    aml_method(b, path + sizeof(MHPD_PATH) - 1, nargs, 0);
    if (returns)
        aml_return(b);
    aml_call(b, path);
    for (i = 0; i < nargs; i++)
        aml_arg(b, i);
    aml_end(b);
}

static void slot_name(char name[5], u32 slot)
{
    name[0] = HM_AML_SLOT_PREFIX[0];
    name[1] = HM_AML_SLOT_PREFIX[1];
    name[2] = "0123456789ABCDEF"[(slot >> 4) & 0xf];
    name[3] = "0123456789ABCDEF"[slot & 0xf];
    name[4] = 0;
}

/* Method (NAME) { Return (HELPER (slot)) } */
static void query_method(struct aml_buf *b, const char *name,
                         const char *helper, u32 slot)
{
    aml_method(b, name, 0, 0);
    aml_return(b);
    aml_call(b, helper);
    aml_integer(b, slot);
    aml_end(b);
}

/* Method (_PSx) { MPWR (slot, x) } */
static void power_method(struct aml_buf *b, const char *name, u32 slot,
                         u8 state)
{
    aml_method(b, name, 0, 0);
    aml_call(b, HM_AML_STR(HM_AML_MPWR));
    aml_integer(b, slot);
    aml_integer(b, state);
    aml_end(b);
}

static void memory_device(struct aml_buf *b, u32 slot)
{
    char name[5];

    slot_name(name, slot);
    aml_device(b, name);
    aml_name_decl(b, "_HID");
    aml_eisaid(b, "PNP0C80");
    aml_name_decl(b, "_UID");
    aml_integer(b, slot);
    query_method(b, "_STA", HM_AML_STR(HM_AML_MSTA), slot);
    query_method(b, "_CRS", HM_AML_STR(HM_AML_MCRS), slot);
    query_method(b, "_PXM", HM_AML_STR(HM_AML_MPXM), slot);
    /* _OST(event, status, info): the third argument is not reported. */
    aml_method(b, "_OST", 3, 0);
    aml_call(b, HM_AML_STR(HM_AML_MOST));
    aml_integer(b, slot);
    aml_arg(b, 0);
    aml_arg(b, 1);
    aml_end(b);
    /* _EJ0(1): the argument (1 = eject) carries nothing for us. */
    aml_method(b, "_EJ0", 1, 0);
    aml_call(b, HM_AML_STR(HM_AML_MEJ0));
    aml_integer(b, slot);
    aml_end(b);
    power_method(b, "_PS0", slot, 0);
    power_method(b, "_PS3", slot, 3);
    aml_end(b);
}

/* MTFY (slot, code): Notify (MPxx, code); the DSDT's GPE handler calls it
 * for each slot with an event. */
static void notify_method(struct aml_buf *b, u32 slots)
{
    char name[5];
    u32 i;

    aml_method(b, HM_AML_STR(HM_AML_MTFY), 2, 0);
    for (i = 0; i < slots; i++) {
        slot_name(name, i);
        aml_if(b);
        aml_lequal(b);
        aml_arg(b, 0);
        aml_integer(b, i);
        aml_notify(b);
        aml_name(b, name);
        aml_arg(b, 1);
        aml_end(b);
    }
    aml_end(b);
}

void ssdt_memory_devices(struct aml_buf *b, const struct fw_info *fw)
{
    u32 slots = fw->hpmem->slot_count, i;

    if (!slots)
        return;
    aml_if(b);
    aml_integer(b, 0);                  /* never runs: see aml_external() */
    for (i = 0; i < ARRAY_SIZE(helpers); i++)
        aml_external(b, helpers[i].path, AML_OBJTYPE_METHOD,
                     helpers[i].nargs);
    aml_end(b);
    aml_scope(b, "\\_SB");
    aml_device(b, HM_AML_STR(HM_AML_MHPC));
    aml_name_decl(b, "_HID");
    aml_eisaid(b, "PNP0A06");
    aml_name_decl(b, "_UID");
    aml_string(b, "DIMM devices");
    aml_name_decl(b, HM_AML_STR(HM_AML_MDNR));           /* the slot count, for the DSDT */
    aml_integer(b, slots);
    notify_method(b, slots);
    for (i = 0; i < ARRAY_SIZE(helpers); i++)
        forwarder(b, helpers[i].path, helpers[i].nargs, helpers[i].returns);
    for (i = 0; i < slots; i++)
        memory_device(b, i);
    aml_end(b);
    aml_end(b);
}
