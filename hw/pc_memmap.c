/*
 * pc_memmap.c - RAM placement around the 32-bit PCI hole and the e820 table.
 *
 * The firmware carves the legacy 640 KiB - 1 MiB hole out of the first
 * range itself; this table only says where RAM is and what KVM reserved.
 */
#include "hw/pc_memmap.h"
#include "hw/hotmem-pc.h"

void pc_memory_layout_init(PcMemoryLayout *layout, uint64_t ram_size)
{
    layout->ram_size = ram_size;
    layout->below_4g = MIN(ram_size, HM_PCI_HOLE_START);
    layout->above_4g = ram_size - layout->below_4g;
}

uint64_t pc_memory_layout_high_end(const PcMemoryLayout *layout)
{
    return HM_4GIB + layout->above_4g;
}

static void add_entry(GArray *table, uint64_t addr, uint64_t len, uint32_t type)
{
    HmE820Entry e = { .addr = GUINT64_TO_LE(addr), .size = GUINT64_TO_LE(len),
                      .type = GUINT32_TO_LE(type) };
    g_array_append_val(table, e);
}

GArray *pc_e820_build(const PcMemoryLayout *layout)
{
    GArray *table = g_array_new(FALSE, TRUE, sizeof(HmE820Entry));
    add_entry(table, 0, layout->below_4g, HM_E820_RAM);
    if (layout->above_4g) {
        add_entry(table, HM_4GIB, layout->above_4g, HM_E820_RAM);
    }
    add_entry(table, PC_KVM_RESERVED_BASE, PC_KVM_RESERVED_SIZE, HM_E820_RESERVED);
    return table;
}
