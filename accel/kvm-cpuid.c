/*
 * kvm-cpuid.c - the CPUID a vCPU sees: what KVM supports, with the
 * topology of -smp written into the leaves Linux reads it from.
 */
#include "accel/kvm-internal.h"

#include <string.h>

static unsigned bits_for(unsigned count)
{
    unsigned bits = 0;
    while ((1u << bits) < count) {
        bits++;
    }
    return bits;
}

unsigned kvm_topology_apic_id(const KvmTopology *topo, unsigned index)
{
    unsigned smt_bits = bits_for(topo->threads);
    unsigned core_bits = bits_for(topo->cores);
    unsigned thread = index % topo->threads;
    unsigned core = (index / topo->threads) % topo->cores;
    unsigned socket = index / (topo->threads * topo->cores);
    return (socket << (core_bits + smt_bits)) | (core << smt_bits) | thread;
}

static bool vendor_is_amd(const struct kvm_cpuid2 *cpuid)
{
    for (unsigned i = 0; i < cpuid->nent; i++) {
        const struct kvm_cpuid_entry2 *e = &cpuid->entries[i];
        if (e->function == 0) {
            return e->ebx == 0x68747541;          /* "Auth"enticAMD */
        }
    }
    return false;
}

struct kvm_cpuid2 *kvm_cpuid_for_vcpu(const struct kvm_cpuid2 *supported,
                                      const KvmTopology *topo, unsigned index)
{
    size_t bytes = sizeof(*supported) + supported->nent * sizeof(supported->entries[0]);
    struct kvm_cpuid2 *c = g_malloc(bytes);
    memcpy(c, supported, bytes);

    unsigned apic_id = kvm_topology_apic_id(topo, index);
    unsigned smt_bits = bits_for(topo->threads);
    unsigned core_bits = bits_for(topo->cores);
    unsigned per_socket = topo->cores * topo->threads;
    bool amd = vendor_is_amd(c);

    unsigned out = 0;
    for (unsigned i = 0; i < c->nent; i++) {
        struct kvm_cpuid_entry2 *e = &c->entries[i];
        switch (e->function) {
        case 1:
            e->ebx = (e->ebx & 0x0000ffff) | (MIN(per_socket, 255u) << 16) | (apic_id << 24);
            if (per_socket > 1) {
                e->edx |= 1u << 28;                   /* HTT: count field valid */
            } else {
                e->edx &= ~(1u << 28);
            }
            e->ecx |= 1u << 31;                       /* running under a hypervisor */
            break;
        case 4:
            /* cores sharing the package, threads sharing this cache */
            if (e->eax & 0x1f) {
                unsigned level = (e->eax >> 5) & 7;
                unsigned sharing = level >= 3 ? per_socket : topo->threads;
                e->eax = (e->eax & 0x3fff) | ((sharing - 1) << 14) |
                         ((topo->cores - 1) << 26);
            }
            break;
        case 0xb:
        case 0x1f:
            if (e->index == 0) {
                e->eax = smt_bits;
                e->ebx = topo->threads;
                e->ecx = 0 | (1u << 8);               /* level 0: SMT */
            } else if (e->index == 1) {
                e->eax = smt_bits + core_bits;
                e->ebx = per_socket;
                e->ecx = 1 | (2u << 8);               /* level 1: core */
            } else {
                e->eax = e->ebx = 0;
                e->ecx = e->index;
            }
            e->edx = apic_id;
            break;
        case 0x80000001:
            e->ecx &= ~(1u << 22);                    /* no TOPOEXT: leaf 0x8000001e unused */
            if (amd && per_socket > 1) {
                e->ecx |= 1u << 1;                    /* CmpLegacy */
            } else {
                e->ecx &= ~(1u << 1);
            }
            break;
        case 0x80000008:
            if (amd) {
                e->ecx = (e->ecx & ~0xf0ffu) | ((smt_bits + core_bits) << 12) |
                         (per_socket - 1);
            }
            break;
        case 0x8000001e:
            continue;                                 /* dropped with TOPOEXT */
        default:
            break;
        }
        c->entries[out++] = *e;
    }
    c->nent = out;
    return c;
}
