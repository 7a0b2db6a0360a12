/*
 * version.h - the one place hotmem's version is written (-version, the QMP
 * greeting and query-version).
 */
#ifndef HOTMEM_VERSION_H
#define HOTMEM_VERSION_H

#define HOTMEM_VERSION_MAJOR 0
#define HOTMEM_VERSION_MINOR 1
#define HOTMEM_VERSION_MICRO 0
#define HOTMEM_VERSION "0.1.0"

#endif
