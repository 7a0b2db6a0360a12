# hmp-commands.hx - the one source of hotmem's HMP (human monitor) commands.
#
# scripts/hmp-gen.py turns this file into the command table
# (hmp-commands.def, X-macro entries for monitor/hmp.c) and docs/hmp.md.
# Each entry:
#   DEF(name, "args_type", "params", "help", handler[, NOLOCK])
#   INFO(name, "args_type", "params", "help", handler[, NOLOCK])   'info name'
# then free text up to ENDDEF: the long description for the docs.
# args_type: comma-separated NAME:T, T one of
#   s  one word, or a "double-quoted string"
#   S  the rest of the line
#   O  key=value,... options (",," is a comma); the first value may omit its
#      key, which is then NAME (device_add pc-dimm,id=d0 -> driver=pc-dimm)
#   i  an integer (decimal or 0x hex)
# followed by '?' when optional. NOLOCK: the handler runs without the device
# lock (it stops vCPUs, or takes the lock itself).
# Handlers live in monitor/hmp-cmds.c; each calls the C function of its QMP
# twin (qmp_*) and only formats text.

DEF(help, "name:s?", "[command]", "list the commands, or show the help of one", hmp_help, NOLOCK)
`help` alone lists every command with its parameters; `help info` lists the
`info` subcommands; `help NAME` shows one command.
ENDDEF

DEF(info, "item:s?", "subcommand", "show information about the VM", hmp_info, NOLOCK)
`info` followed by one of the subcommands below; alone it lists them.
ENDDEF

INFO(status, "", "", "show whether the vCPUs run", hmp_info_status, NOLOCK)
Prints `VM status: running` or `VM status: paused` (QMP query-status).
ENDDEF

INFO(memory-total, "", "", "show RAM plus plugged DIMMs, in bytes", hmp_info_memory_total)
Prints `MemTotal: N` (QMP query-memory-total), as the seed series did.
ENDDEF

INFO(memory-hotplug, "", "", "show the hotplug outcomes the guest reported", hmp_info_memory_hotplug)
One line per outcome, oldest first: `dimm: ID hot-add|hot-remove success|failure`
(QMP query-memory-hotplug). Reading does not clear the list.
ENDDEF

INFO(memory-devices, "", "", "show the plugged memory devices", hmp_info_memory_devices)
QEMU's layout (QMP query-memory-devices): for each DIMM a header line
`Memory device [dimm]: "ID"` then addr, slot, node, size, memdev, hotplugged
and hotpluggable, one per line.
ENDDEF

INFO(memory_size_summary, "", "", "show base and plugged memory sizes", hmp_info_memory_size_summary)
`base memory: N` and `plugged memory: N`, in bytes (QMP query-memory-size-summary).
ENDDEF

DEF(device_add, "driver:O", "driver[,prop=value][,...]", "add a device (dimm or pc-dimm)", hmp_device_add)
`device_add dimm,id=ID` plugs the declared -dimm slot ID;
`device_add pc-dimm,id=ID,memdev=MEM[,slot=N][,node=N]` plugs a DIMM backed by
the memory-backend-ram MEM (see object_add). Same checks and errors as QMP
device_add.
ENDDEF

DEF(device_del, "id:s", "id", "ask the guest to release a device", hmp_device_del)
Returns once the request is sent; the guest ejects the DIMM (QMP device_del).
A second request for a DIMM whose removal the guest has not answered yet
succeeds (as in QEMU) without notifying the guest again.
ENDDEF

DEF(object_add, "qom-type:O", "TYPE,id=ID,size=SIZE[,prop=value][,...]", "create a memory backend", hmp_object_add)
`object_add memory-backend-ram,id=mem1,size=1G`; TYPE is memory-backend-ram,
memory-backend-file (mem-path=DIR|FILE) or memory-backend-memfd. SIZE takes K,
M, G, T suffixes; booleans (dump, merge, prealloc, share, reserve, ...) take
on/off (QMP object-add has every property).
ENDDEF

DEF(object_del, "id:s", "id", "delete a memory backend no device uses", hmp_object_del)
A backend becomes free again when its pc-dimm has been removed (QMP object-del).
ENDDEF

DEF(balloon, "value:s", "target", "ask the guest to change its memory to target MiB", hmp_balloon)
`balloon 512` (MiB; K, M, G, T suffixes also work) asks the balloon driver to
leave the guest that much memory (QMP balloon, whose limits and errors apply).
ENDDEF

INFO(balloon, "", "", "show the guest's memory as the balloon sees it", hmp_info_balloon)
Prints `balloon: actual=N` with N in MiB (QMP query-balloon).
ENDDEF

DEF(stop, "", "", "pause the vCPUs", hmp_stop, NOLOCK)
ENDDEF

DEF(cont, "", "", "resume the vCPUs", hmp_cont, NOLOCK)
ENDDEF

DEF(system_reset, "", "", "reset the machine", hmp_system_reset, NOLOCK)
A hardware reset: the firmware runs again (a paused VM stays paused).
ENDDEF

DEF(system_powerdown, "", "", "press the ACPI power button", hmp_system_powerdown, NOLOCK)
ENDDEF

DEF(quit, "", "", "quit hotmem", hmp_quit, NOLOCK)
ENDDEF

DEF(migrate, "uri:s", "uri", "migrate the VM to URI (tcp:, unix:, exec:, fd:, file:)", hmp_migrate, NOLOCK)
Starts the migration and returns at once (as QEMU's `migrate -d`); `info migrate`
shows progress (QMP migrate). When it completes the VM stays paused here.
ENDDEF

DEF(migrate_cancel, "", "", "cancel the current migration", hmp_migrate_cancel, NOLOCK)
The source guest runs on (QMP migrate_cancel).
ENDDEF

INFO(migrate, "", "", "show the state and progress of the migration", hmp_info_migrate, NOLOCK)
QEMU's layout (QMP query-migrate): `Migration status: STATE`, then the times
in ms and the RAM counters (kbytes and pages), and the error when it failed.
Nothing but the capabilities line before the first migration.
ENDDEF
