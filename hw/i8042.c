/*
 * i8042.c - keyboard controller stub at 0x60 (data) and 0x64 (status/command).
 *
 * No keyboard or mouse is attached: the output buffer is always empty, so
 * a driver probing for devices times out and gives up. The one command that
 * matters is 0xfe (pulse the reset line), a common guest reboot method.
 */
#include "hw/i8042.h"
#include "migration/vmstate.h"
#include "hw/hotmem-pc.h"
#include "hotmem/io.h"
#include "hotmem/runstate.h"

#define STS_SYS         0x04    /* self-test passed */
#define STS_CMD         0x08    /* last write went to the command port */
#define STS_UNLOCKED    0x10    /* keyboard not inhibited */

static uint64_t i8042_data_read(void *opaque, uint64_t offset, unsigned size)
{
    return 0;                   /* output buffer empty */
}

static void i8042_data_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    I8042State *s = opaque;
    s->status &= (uint8_t)~STS_CMD;   /* no device to receive it */
}

static uint64_t i8042_cmd_read(void *opaque, uint64_t offset, unsigned size)
{
    I8042State *s = opaque;
    return s->status;
}

static void i8042_cmd_write(void *opaque, uint64_t offset, uint64_t value, unsigned size)
{
    I8042State *s = opaque;
    s->status |= STS_CMD;
    if (value == HM_KBD_CMD_RESET) {
        vm_request(VM_REQUEST_RESET, VM_CAUSE_GUEST_KBD_RESET);
    }
}

static const IoOps i8042_data_ops = {
    .read = i8042_data_read,
    .write = i8042_data_write,
    .min_size = 1,
    .max_size = 1,
};

static const IoOps i8042_cmd_ops = {
    .read = i8042_cmd_read,
    .write = i8042_cmd_write,
    .min_size = 1,
    .max_size = 1,
};

void i8042_reset(I8042State *s)
{
    s->status = STS_SYS | STS_CMD | STS_UNLOCKED;
}

I8042State *i8042_new(GError **errp)
{
    I8042State *s = g_new0(I8042State, 1);
    if (!io_register(IO_SPACE_PORT, HM_KBD_DATA_PORT, 1, &i8042_data_ops, s, "i8042-data",
                     errp)) {
        i8042_free(s);
        return NULL;
    }
    s->registered_data = true;
    if (!io_register(IO_SPACE_PORT, HM_KBD_CMD_PORT, 1, &i8042_cmd_ops, s, "i8042-cmd",
                     errp)) {
        i8042_free(s);
        return NULL;
    }
    s->registered_cmd = true;
    i8042_reset(s);
    return s;
}

void i8042_free(I8042State *s)
{
    if (!s) {
        return;
    }
    if (s->registered_data) {
        io_unregister(IO_SPACE_PORT, HM_KBD_DATA_PORT);
    }
    if (s->registered_cmd) {
        io_unregister(IO_SPACE_PORT, HM_KBD_CMD_PORT);
    }
    g_free(s);
}

/* ---- migration ---- */

const VmStateDesc i8042_vmstate = {
    .name = "i8042",
    .version = 1,
    .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U8(I8042State, status),
        VMSTATE_END,
    },
};
