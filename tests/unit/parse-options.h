/*
 * parse-options.h - for the option tests: machine_config_parse() on a
 * NULL-terminated list of arguments (argv[0] "hotmem" is added).
 */
#ifndef TESTS_UNIT_PARSE_OPTIONS_H
#define TESTS_UNIT_PARSE_OPTIONS_H

#include "hotmem/options.h"

#include <stdarg.h>

static inline bool parse_options(MachineConfig *cfg, GError **err, ...)
{
    const char *argv[32] = { "hotmem" };
    int argc = 1;
    va_list ap;
    va_start(ap, err);
    for (const char *a; (a = va_arg(ap, const char *)) && argc < 32;) {
        argv[argc++] = a;
    }
    va_end(ap);
    return machine_config_parse(cfg, argc, (char **)argv, err);
}

#endif
