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

#define HM_DEFAULT_RAM_SIZE   (512ULL << 20)
#define HM_MIN_RAM_SIZE       (32ULL << 20)
#define HM_MAX_RAM_SIZE       (1ULL << 40)
#define HM_MAX_CPUS           64
#define HM_MAX_CMDLINE        4095
#define HM_MAX_NAME           64

typedef enum {
    SERIAL_BACKEND_STDIO,
    SERIAL_BACKEND_FILE,
    SERIAL_BACKEND_NONE,
} SerialBackend;

typedef struct MachineConfig {
    uint64_t ram_size;
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
    bool want_help;
    bool want_version;
} MachineConfig;

/* Fills cfg from argv (argv[0] is the program). On error cfg holds what was
 * parsed so far and must still be cleared. */
bool machine_config_parse(MachineConfig *cfg, int argc, char **argv, GError **errp);
void machine_config_clear(MachineConfig *cfg);
void machine_config_print_help(FILE *out);

#endif
