/*
 * hpmem.c - reads etc/numa and etc/hotplug-memory (one DMA transfer each).
 *
 * Both files are always present on hotmem. QEMU has neither (its NUMA data
 * is a numbered item this firmware does not read): there the machine is
 * one node without DIMM slots, so no SRAT and no memory devices are built.
 */
#include "hw/hotmem-pc.h"
#include "fwcfg.h"
#include "hpmem.h"


/* etc/numa is at most 8 + 4 * 255 CPUs + 8 * 64 nodes bytes. */
#define NUMA_FILE_MAX (8 + 4 * FW_MAX_CPUS + 8 * HPMEM_MAX_NODES)
#define HPMEM_FILE_MAX (HM_HPMEM_HEADER_SIZE + \
                        HM_MEMHP_MAX_SLOTS * HM_HPMEM_ENTRY_SIZE)

static struct hpmem_info info;
static u8 file_buf[HPMEM_FILE_MAX];

static void read_numa(struct fw_info *fw)
{
    u32 size, nodes, cpus, i;
    u16 key = fw_cfg_find_file(HM_FW_CFG_FILE_NUMA, &size);
    const u8 *p = file_buf;

    info.nodes = 1;
    info.node_mem[0] = 0;       /* unknown: the SRAT is not built then */
    if (!key)
        return;
    if (size < 8 || size > NUMA_FILE_MAX)
        fatal("etc/numa has a bad size", size);
    fw_cfg_read(key, file_buf, size);
    memcpy(&nodes, p, 4);
    memcpy(&cpus, p + 4, 4);
    if (!nodes || nodes > HPMEM_MAX_NODES)
        fatal("etc/numa: bad node count", nodes);
    if (cpus != fw->nb_cpus || size != 8 + 4 * cpus + 8 * nodes)
        fatal("etc/numa does not match the CPU count, CPUs", cpus);
    for (i = 0; i < cpus; i++) {
        u32 node;

        memcpy(&node, p + 8 + 4 * i, 4);
        if (node >= nodes)
            fatal("etc/numa: CPU in a node that does not exist, node", node);
        info.cpu_node[i] = node;
    }
    for (i = 0; i < nodes; i++)
        memcpy(&info.node_mem[i], p + 8 + 4 * cpus + 8 * i, 8);
    info.nodes = nodes;
}

static void read_hotplug_memory(void)
{
    HmHpmemHeader h;
    u32 size, i;
    u16 key = fw_cfg_find_file(HM_FW_CFG_FILE_HOTPLUG_MEMORY, &size);

    info.slot_count = 0;
    info.slots = (const HmHpmemEntry *)(file_buf + sizeof(h));
    if (!key)
        return;
    if (size < sizeof(h) || size > sizeof(file_buf))
        fatal("etc/hotplug-memory has a bad size", size);
    fw_cfg_read(key, file_buf, size);
    memcpy(&h, file_buf, sizeof(h));
    /* Version 1 layout only: a longer header or entry would move fields. */
    if (h.magic != HM_HPMEM_MAGIC || h.version != HM_HPMEM_VERSION ||
        h.header_size != HM_HPMEM_HEADER_SIZE ||
        h.entry_size != HM_HPMEM_ENTRY_SIZE)
        fatal("etc/hotplug-memory: unknown format, magic/version",
              (u64)h.magic << 16 | h.version);
    if (h.slot_count > HM_MEMHP_MAX_SLOTS ||
        size != sizeof(h) + h.slot_count * sizeof(HmHpmemEntry))
        fatal("etc/hotplug-memory: bad slot count", h.slot_count);
    for (i = 0; i < h.slot_count; i++) {
        const HmHpmemEntry *s = &info.slots[i];

        if (s->node >= info.nodes)
            fatal("etc/hotplug-memory: slot in a node that does not exist, "
                  "node", s->node);
        if (s->size && (s->base < h.region_base ||
                        s->base + s->size > h.region_base + h.region_size))
            fatal("etc/hotplug-memory: slot outside the region, base",
                  s->base);
    }
    info.slot_count = h.slot_count;
    info.region_base = h.region_base;
    info.region_size = h.region_size;
}

void hpmem_init(struct fw_info *fw)
{
    u32 i;

    for (i = 0; i < fw->nb_cpus; i++)
        info.cpu_node[i] = 0;
    read_numa(fw);
    /* The slot table stays in file_buf: read it after etc/numa. */
    read_hotplug_memory();
    fw->hpmem = &info;
}
