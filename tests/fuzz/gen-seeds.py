#!/usr/bin/env python3
"""gen-seeds.py - writes the seed corpora tests/fuzz/corpus/<target>/.

    gen-seeds.py            (re)writes every seed named here

The seeds are committed; this script says what each one is, so that a seed
can be read and changed here rather than as bytes. Files in the corpus
directories that this script does not write (minimised regressions added
by hand) are left alone.
"""
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
GiB = 1 << 30
MiB = 1 << 20


def q(*reqs, negotiate=True):
    """A QMP client's bytes: the requests one per line, as the tools send them."""
    lines = (['{"execute": "qmp_capabilities"}'] if negotiate else []) + list(reqs)
    return ("\r\n".join(lines) + "\r\n").encode()


QMP = {
    "queries": q('{"execute": "query-memory-size-summary"}',
                 '{"execute": "query-memory-devices"}',
                 '{"execute": "query-acpi-ospm-status"}',
                 '{"execute": "query-memory-total"}',
                 '{"execute": "query-memory-hotplug"}',
                 '{"execute": "query-status", "id": 1}',
                 '{"execute": "query-version"}',
                 '{"execute": "query-commands"}'),
    "declared-cycle": q('{"execute": "device_add", "arguments": {"driver": "dimm", "id": "d1"}}',
                        '{"execute": "query-memory-devices"}',
                        '{"execute": "device_del", "arguments": {"id": "d0"}}',
                        '{"execute": "device_del", "arguments": {"id": "d0"}}',
                        '{"execute": "system_reset"}',
                        '{"execute": "query-acpi-ospm-status"}'),
    "pc-dimm-cycle": q('{"execute": "object-add", "arguments": {"qom-type": '
                       '"memory-backend-ram", "id": "m1", "size": 536870912}}',
                       '{"execute": "device_add", "arguments": {"driver": "pc-dimm", '
                       '"id": "dimm1", "memdev": "m1"}}',
                       '{"execute": "device_add", "arguments": {"driver": "pc-dimm", '
                       '"id": "dimm2", "memdev": "m1", "slot": 4, "node": 1}}',
                       '{"execute": "query-memory-size-summary"}',
                       '{"execute": "device_del", "arguments": {"id": "dimm1"}}',
                       '{"execute": "system_reset"}',
                       '{"execute": "object-del", "arguments": {"id": "m1"}}'),
    "runstate": q('{"execute": "stop"}', '{"execute": "query-status"}',
                  '{"execute": "cont"}', '{"execute": "system_powerdown"}',
                  '{"execute": "quit"}'),
    "hmp-over-qmp": q('{"execute": "human-monitor-command", "arguments": '
                      '{"command-line": "info memory-devices"}}',
                      '{"execute": "human-monitor-command", "arguments": '
                      '{"command-line": "device_add dimm,id=d1"}}'),
    "pmemsave": q('{"execute": "pmemsave", "arguments": {"val": 4294967296, "size": 4096, '
                  '"filename": "dump"}}'),
    "not-negotiated": q('{"execute": "device_add", "arguments": {"driver": "pc-dimm", '
                        '"id": "x", "memdev": "m"}}', '{"execute": "qmp_capabilities"}',
                        '{"execute": "qmp_capabilities"}', negotiate=False),
    "bad-requests": q('{"execute": "device_add", "arguments": {"driver": }}',
                      '{"execute": "device-add", "arguments": {}}',
                      '{"execute": 1}', '{"arguments": {}}', '[]', '"x"',
                      '{"execute": "device_add", "arguments": {"driver": "dimm", "id": 3}}',
                      '{"execute": "device_add", "arguments": {"driver": "pc-dimm", '
                      '"id": "d0", "memdev": "nope", "size": -1}}',
                      '{"execute": "query-status", "exec-oob": "x"}',
                      "{'execute': 'query-status', 'id': {'a': [1, 2.5e3, true, null]}}",
                      '{"execute": "object-add", "arguments": {"qom-type": '
                      '"memory-backend-ram", "id": "m2", "size": 18446744073709551615}}'),
    # with a guest that answers (the first byte, FuzzGuest in fuzz-machine.h):
    # the events and _OST records of a full cycle reach the client
    "guest-cycle": b"\xf9" + q('{"execute": "device_add", "arguments": {"driver": "dimm", '
                               '"id": "d1"}}', '{"execute": "query-status"}',
                               '{"execute": "device_del", "arguments": {"id": "d0"}}',
                               '{"execute": "query-status"}',
                               '{"execute": "query-memory-hotplug"}',
                               '{"execute": "query-acpi-ospm-status"}'),
    "guest-refuses": b"\xfa" + q('{"execute": "device_del", "arguments": {"id": "d0"}}',
                                 '{"execute": "query-status"}',
                                 '{"execute": "device_del", "arguments": {"id": "d0"}}',
                                 '{"execute": "query-memory-hotplug"}'),
    "split-value": b'{"execute": "qmp_capabilities"}{"exec' + b'ute": "query-status"}\n'
                   + b'\xff\x00{"execute": "query-status\\u0041"}',
}

HMP = {
    "info": b"info memory-devices\ninfo memory-total\ninfo memory-hotplug\ninfo status\n"
            b"info\nhelp\nhelp device_add\ninfo nope\n",
    "declared-cycle": b"device_add dimm,id=d1\ndevice_del d0\ndevice_del d0\nsystem_reset\n"
                      b"info memory-devices\n",
    "pc-dimm-cycle": b"object_add memory-backend-ram,id=m1,size=1G\n"
                     b"device_add pc-dimm,id=p0,memdev=m1,node=1,slot=3\n"
                     b"device_del p0\nsystem_reset\nobject_del m1\n",
    "runstate": b"stop\ninfo status\ncont\nsystem_powerdown\nquit\n",
    "bad-lines": b"device_add id=foo\ndevice_add\ndevice_del\n"
                 b"device_add pc-dimm,id=x,memdev=m,node=abc\n"
                 b"object_add memory-backend-ram,id=m,size=99999999999T\n\x01\x02 \r\n"
                 b"device_add dimm,id=d1,bogus=1\ninfo memory-devices extra\n",
    # with a guest that answers and changes power states (the first byte)
    "guest-cycle": b"\xfbdevice_add dimm,id=d1\ninfo status\ndevice_del d1\ninfo status\n"
                   b"info memory-hotplug\ninfo memory-devices\n",
}

OPTIONS = {
    "readme-run": ["-m", "512M", "-smp", "2", "-kernel", "vmlinuz", "-initrd", "initrd.gz",
                   "-append", "console=ttyS0", "-nographic"],
    "readme-hotplug": ["-m", "512M,slots=4,maxmem=8G", "-smp", "2", "-kernel", "vmlinuz",
                       "-initrd", "initrd.gz", "-append",
                       "console=ttyS0 memhp_default_state=online_movable", "-nographic",
                       "-dimm", "id=d0,size=1G,populated=off",
                       "-qmp", "unix:/run/hm.sock,server=on,wait=off"],
    "test-hotplug": ["-m", "512M,slots=4,maxmem=8G", "-smp", "1",
                     "-numa", "node,nodeid=0,cpus=0,mem=384M", "-numa", "node,nodeid=1,mem=128M",
                     "-dimm", "id=d1,size=1G", "-dimm", "id=d2,size=256M",
                     "-dimm", "id=d3,size=512M,node=1", "-serial", "none",
                     "-monitor", "unix:/tmp/h.sock,server,nowait", "-no-reboot"],
    "many": ["-m", "size=4G,slots=200", "-smp", "cpus=4,sockets=2,cores=2,threads=1",
             "-dimm", "id=a,size=128M,populated=on", "-dimm", "id=b,size=1T,node=0",
             "-name", "g", "-display", "none", "-serial", "file:out", "-bios", "bios.bin"],
    "bad": ["-m", "1", "-dimm", "id=,size=3M", "-numa", "node,cpus=9-3", "-smp", "0",
            "-qmp", "unix:,server=off", "-x"],
    "monitor-opts": ["@qunix:/tmp/a,,b,server=on,wait=off", "@hstdio", "@qunix:x,server",
                     "-qmp", "stdio", "-monitor", "stdio"],
    "help": ["-h"],
}

# fuzz-io opcodes (enum Op in fuzz-io.c) and the indexes it takes
OUT, IN, OUT_ANY, IN_ANY, MMIO, PLUG_DECL, PLUG_PC, UNPLUG, RESET, RAM, DMA, MEMHP, RX, \
    PWRBTN, GPE, PCI = range(16)
D_SERIAL, D_CMOS, D_KBD, D_KBDCMD, D_FWEV, D_CF8, D_CFC, D_CF9, D_PM, D_GPE, D_MEMHP, \
    D_FWSEL, D_FWDMA = range(13)
R_CTL, R_OST_EV, R_OST_ST, R_POWER, R_STATUS, R_ADDR = range(6)
ID = {"d0": 0, "d1": 1, "d2": 2, "p0": 3, "p1": 4}
S1, S2, S4 = 0, 1, 2


def out(dev, off, size, val):
    return struct.pack("<BBBBI", OUT, dev, off, size, val)


def inp(dev, off, size):
    return struct.pack("<BBBB", IN, dev, off, size)


def memhp(slot, reg, val=0):
    return struct.pack("<BBBI", MEMHP, slot, reg, val)


def pci(devfn, off, size, write, val=0):
    return struct.pack("<BBBBBI", PCI, devfn, off, size, write, val)


def dma(desc, control, length, addr):
    return struct.pack("<BHIIIB", DMA, desc // 16, control, length, addr, 0)


IO = {
    # the AML's hot-add: plug, scan (status, ack insert), _OST(1, 0)
    "hot-add": bytes([PLUG_DECL, ID["d1"]]) + memhp(1, R_STATUS, 2) + memhp(1, R_ADDR)
               + memhp(1, R_OST_EV, 1) + memhp(1, R_OST_ST, 0),
    # hot-remove: request, ack, _OST(3, 0x84), _EJ0, _OST(3, 0)
    "hot-remove": bytes([UNPLUG, ID["d0"]]) + memhp(0, R_STATUS, 4) + memhp(0, R_OST_EV, 3)
                  + memhp(0, R_OST_ST, 0x84) + memhp(0, R_CTL, 8) + memhp(0, R_OST_ST, 0),
    # the guest refuses: _OST(3, 0x82), then a reset must not complete it
    "refused": bytes([UNPLUG, ID["d2"]]) + memhp(2, R_OST_EV, 3) + memhp(2, R_OST_ST, 0x82)
               + bytes([RESET]),
    # a removal the guest never answers, completed by a reset through 0xcf9
    "reset-completes": bytes([UNPLUG, ID["d0"]]) + out(D_CF9, 0, S1, 6),
    "kbd-reset": bytes([UNPLUG, ID["d2"]]) + out(D_KBDCMD, 0, S1, 0xfe),
    # pc-dimm: 512 MiB, node 1, first free slot, first fit; then eject it
    "pc-dimm": bytes([PLUG_PC, ID["p0"], 4, 1, 0xff, 0]) + memhp(3, R_STATUS, 2)
               + bytes([UNPLUG, ID["p0"]]) + memhp(3, R_CTL, 8) + bytes([PLUG_PC, ID["p1"], 1,
                                                                        0, 5, 2]),
    # _PS3 / _PS0, eject of a free slot, out-of-range selector
    "power-states": memhp(0, R_POWER, 3) + memhp(0, R_POWER, 0) + memhp(5, R_CTL, 8)
                    + memhp(200, R_CTL, 8) + inp(D_MEMHP, 0x1c, S4),
    # fw_cfg: signature byte-wise, then DMA select+read of key 0x19 (the
    # directory) into RAM, a descriptor out of RAM, a read past the end of RAM
    "fw-cfg": out(D_FWSEL, 0, S2, 0) + inp(D_FWSEL, 1, S1) * 4 + out(D_FWSEL, 0, S2, 0x19)
              + inp(D_FWSEL, 1, S1) * 4
              + dma(0x100, (0x19 << 16) | 0x08 | 0x02, 64, 0x1000)
              + dma(0xff000, 0x02, 0x2000, 0xfff00) + dma(0x200, 0x04, 0xffffffff, 0),
    # PCI: vendor ids, then PMBA/PMREGMISC to map the PM block, timer, S5
    "pm-s5": pci(0x00, 0, S4, 0) + pci(0x08, 0, S4, 0) + pci(0x0b, 0, S4, 0)
             + pci(0x0b, 0x40, S4, 1, 0xb001) + pci(0x0b, 0x80, S1, 1, 1)
             + inp(D_PM, 8, S4) + out(D_PM, 2, S2, 0x0100) + out(D_GPE, 2, S1, 0x08)
             + bytes([GPE, 3]) + inp(D_GPE, 0, S1) + out(D_GPE, 0, S1, 0x08)
             + out(D_PM, 4, S2, 0x2000) + bytes([PWRBTN]),
    # the PM block moved onto the serial port and the memory hotplug block
    "pm-conflict": pci(0x0b, 0x40, S4, 1, 0x3f9) + pci(0x0b, 0x80, S1, 1, 1)
                   + pci(0x0b, 0x40, S4, 1, 0x0a01) + out(D_SERIAL, 0, S1, 0x41),
    "rtc": out(D_CMOS, 0, S1, 0x0b) + out(D_CMOS, 1, S1, 0x86) + out(D_CMOS, 0, S1, 0x09)
           + out(D_CMOS, 1, S1, 0x99) + out(D_CMOS, 0, S1, 0x0b) + out(D_CMOS, 1, S1, 0x06)
           + inp(D_CMOS, 1, S1) + out(D_CMOS, 0, S1, 0x8f) + inp(D_CMOS, 1, S1),
    "serial": out(D_SERIAL, 3, S1, 0x80) + out(D_SERIAL, 0, S1, 1) + out(D_SERIAL, 3, S1, 3)
              + out(D_SERIAL, 2, S1, 0xc7) + out(D_SERIAL, 1, S1, 0x0f)
              + bytes([RX, 20]) + b"x" * 20 + inp(D_SERIAL, 0, S1) + inp(D_SERIAL, 5, S1)
              + out(D_SERIAL, 4, S1, 0x10) + out(D_SERIAL, 0, S1, 0x41) + inp(D_SERIAL, 2, S1),
    "odd-accesses": struct.pack("<BHBI", OUT_ANY, 0x0a03, S4, 0xffffffff)
                    + struct.pack("<BHB", IN_ANY, 0xcfb, S4)
                    + struct.pack("<BQBBQ", MMIO, 0xfee00000, 1, 7, 0x1122334455667788)
                    + out(D_FWDMA, 2, S2, 0x1234) + out(D_FWEV, 0, S4, 1),
}


def write(target, seeds, encode):
    d = HERE / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    for name, value in seeds.items():
        (d / name).write_bytes(encode(value))


def main():
    write("qmp", QMP, lambda v: v)
    write("hmp", HMP, lambda v: v)
    write("options", OPTIONS, lambda v: ("\n".join(v) + "\n").encode())
    write("io", IO, lambda v: v)


if __name__ == "__main__":
    main()
