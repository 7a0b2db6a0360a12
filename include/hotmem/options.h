/*
 * options.h - the command line turned into a MachineConfig.
 *
 * Parsing only checks syntax and ranges; files are opened when the machine
 * is built, still before any VM exists.
 */
#ifndef HOTMEM_OPTIONS_H
#define HOTMEM_OPTIONS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "hotmem/sandbox.h"

#define HM_DEFAULT_RAM_SIZE   (512ULL << 20)
#define HM_MIN_RAM_SIZE       (32ULL << 20)
#define HM_MAX_RAM_SIZE       (1ULL << 40)
#define HM_MAX_CPUS           64
#define HM_MAX_CMDLINE        4095
#define HM_MAX_NAME           64
#define HM_MAX_DIMM_SLOTS     256     /* = HM_MEMHP_MAX_SLOTS: -dimm + -m slots */
#define HM_MAX_NUMA_NODES     64
#define HM_MAX_DEVICES        64      /* -device options */

typedef enum {
    SERIAL_BACKEND_STDIO,
    SERIAL_BACKEND_FILE,
    SERIAL_BACKEND_NONE,
} SerialBackend;

/* One -qmp or -monitor option (parsed by monitor/monitor-opts.c). */
typedef enum {
    MONITOR_PROTOCOL_QMP,
    MONITOR_PROTOCOL_HMP,
} MonitorProtocol;

typedef struct MonitorConfig {
    MonitorProtocol protocol;
    char *path;               /* unix socket path; NULL for stdio or fd */
    bool has_fd;              /* fd: a listening socket to adopt (-chardev fd=) */
    int fd;
    char *chardev;            /* -mon chardev=: resolved into path/fd after parsing */
} MonitorConfig;

/* One -chardev socket (monitor/monitor-opts.c): what a -mon listens on. */
typedef struct ChardevConfig {
    char *id;
    char *path;               /* NULL when fd is given */
    int fd;                   /* -1 when path is given */
} ChardevConfig;

/* One -dimm option: a slot with a fixed size and node. */
typedef struct DimmConfig {
    char *id;
    uint64_t size;
    unsigned node;
    bool populated;           /* plugged before the guest starts */
} DimmConfig;

/* One -numa node option. */
typedef struct NumaNodeConfig {
    bool given;
    uint64_t cpus;            /* bit i: CPU i (HM_MAX_CPUS <= 64) */
    uint64_t mem;
    bool has_mem;
    char *memdev;             /* -numa memdev=: the backend holding the node's RAM */
} NumaNodeConfig;

typedef struct MachineConfig {
    uint64_t ram_size;
    uint64_t maxmem;          /* -m maxmem=; 0 when not given */
    unsigned extra_slots;     /* -m slots=: empty slots beyond the -dimm ones */
    DimmConfig *dimms;        /* in command-line (= slot) order */
    unsigned ndimms;
    /* -numa as given (indexed by nodeid), then resolved after parsing:
     * nnodes >= 1, node_mem sums to ram_size, cpu_node for every CPU. */
    bool numa_given;
    NumaNodeConfig numa[HM_MAX_NUMA_NODES];
    unsigned nnodes;
    uint64_t node_mem[HM_MAX_NUMA_NODES];
    unsigned cpu_node[HM_MAX_CPUS];
    unsigned ncpus;
    unsigned sockets, cores, threads;
    char *kernel;
    char *initrd;
    char *append;
    char *bios;
    char *name;
    SerialBackend serial;
    char *serial_path;
    bool serial_given;
    bool nographic;
    bool no_reboot;
    bool start_paused;        /* -S */
    bool no_shutdown;         /* -no-shutdown */
    /* what QEMU's management tools pass (system/options-qemu.c) */
    char uuid[37];            /* -uuid, lower case; "" when not given */
    bool no_dump_guest_core;  /* -machine dump-guest-core=off */
    bool no_mem_merge;        /* -machine mem-merge=off */
    bool mem_lock;            /* -overcommit mem-lock=on */
    bool rtc_localtime;       /* -rtc base=localtime */
    bool msg_timestamp;       /* -msg timestamp=on */
    bool msg_guest_name;      /* -msg guest-name=on */
    bool daemonize;           /* -daemonize */
    char *pidfile;            /* -pidfile */
    bool nodefaults;          /* -nodefaults: no default serial port */
    GPtrArray *objects;       /* -object, parsed: ObjectOptions *, in order */
    char *incoming;           /* -incoming URI or "defer"; NULL: none */
    bool want_help;
    bool want_version;
    MonitorConfig *monitors;  /* -qmp / -monitor, in command-line order */
    unsigned nmonitors;
    ChardevConfig *chardevs;  /* -chardev, in command-line order */
    unsigned nchardevs;
    SandboxConfig sandbox;    /* -sandbox */
    char **devices;           /* -device arguments as given (hw/pc_devices.c parses) */
    unsigned ndevices;
} MachineConfig;

/* Fills cfg from argv (argv[0] is the program). On error cfg holds what was
 * parsed so far and must still be cleared. */
bool machine_config_parse(MachineConfig *cfg, int argc, char **argv, GError **errp);
void machine_config_clear(MachineConfig *cfg);
void machine_config_print_help(FILE *out);

#endif
