/*
 * util.h - basic types, port I/O, MSR/CPUID access and small helpers for
 * the hotmem firmware (32-bit flat protected mode, no libc).
 */
#ifndef FW_UTIL_H
#define FW_UTIL_H

#include <stdint.h>
#include <stddef.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define ARRAY_SIZE(a)        (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)       (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)     ((x) & ~((__typeof__(x))(a) - 1))
#define MIN(a, b)            ((a) < (b) ? (a) : (b))
#define MAX(a, b)            ((a) > (b) ? (a) : (b))
#define KiB                  0x400u
#define MiB                  0x100000u
#define GiB                  0x40000000ull

#define PACKED               __attribute__((packed))
#define NORETURN             __attribute__((noreturn))

static inline void outb(u8 v, u16 port)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 v, u16 port)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u32 v, u16 port)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
    u8 v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline u32 inl(u16 port)
{
    u32 v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline u64 rdmsr(u32 index)
{
    u32 lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(index));
    return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 index, u64 v)
{
    __asm__ volatile("wrmsr" : : "c"(index), "a"((u32)v), "d"((u32)(v >> 32))
                     : "memory");
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
    __asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
                     : "a"(leaf), "c"(0));
}

static inline u64 rdtsc(void)
{
    u32 lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
    __asm__ volatile("pause" : : : "memory");
}

static inline void barrier(void)
{
    __asm__ volatile("" : : : "memory");
}

/* Byte order: fw_cfg's directory and DMA descriptor are big-endian. */
static inline u16 be16(u16 v)
{
    return __builtin_bswap16(v);
}

static inline u32 be32(u32 v)
{
    return __builtin_bswap32(v);
}

static inline u64 be64(u64 v)
{
    return __builtin_bswap64(v);
}

/* string.c: gcc may also emit calls to memcpy/memset on its own. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* Writes HM_FW_EVENT_* to the progress port; the VMM timestamps it. */
void fw_event(u8 event);

/* Prints "hotmem firmware: <msg> <value>" on COM1 and halts. */
void NORETURN fatal(const char *msg, u64 value);

#endif
