/*
 * test-vmstate.c - field tables (save/load round trip, versions, every
 * malformed payload refused without changing the object) and the stream
 * framing (header, sections, checksums, truncation, limits).
 */
#include "migration/stream.h"
#include "migration/vmstate.h"

#include <string.h>

typedef struct {
    uint32_t event;
    bool valid;
} Elem;

typedef struct {
    uint8_t a;
    uint16_t b;
    uint32_t c;
    uint64_t d;
    bool e;
    uint8_t buf[5];
    Elem fixed[3];
    uint32_t n;
    Elem var[4];
    uint32_t added_in_v2;
} Obj;

static const VmStateDesc elem_desc = {
    .name = "elem", .version = 1, .min_version = 1,
    .fields = (const VmStateField[]){
        VMSTATE_U32(Elem, event),
        VMSTATE_BOOL(Elem, valid),
        VMSTATE_END,
    },
};

static const VmStateField obj_fields[] = {
    VMSTATE_U8(Obj, a),
    VMSTATE_U16(Obj, b),
    VMSTATE_U32(Obj, c),
    VMSTATE_U64(Obj, d),
    VMSTATE_BOOL(Obj, e),
    VMSTATE_BUFFER(Obj, buf),
    VMSTATE_ARRAY(Obj, fixed, 3, Elem, &elem_desc),
    VMSTATE_VARRAY(Obj, var, 4, n, Elem, &elem_desc),
    { .name = "added_in_v2", .type = VMS_U32, .offset = offsetof(Obj, added_in_v2),
      .size = 4, .version_min = 2 },
    VMSTATE_END,
};

static const VmStateDesc obj_desc = {
    .name = "obj", .version = 2, .min_version = 1, .fields = obj_fields,
};

static Obj sample(void)
{
    Obj o = { .a = 0x11, .b = 0x2233, .c = 0x44556677, .d = 0x8899aabbccddeeffULL, .e = true,
              .buf = { 1, 2, 3, 4, 5 }, .n = 2, .added_in_v2 = 7 };
    for (int i = 0; i < 3; i++) {
        o.fixed[i] = (Elem){ 100 + i, i & 1 };
    }
    o.var[0] = (Elem){ 0x103, true };
    o.var[1] = (Elem){ 0x1, false };
    return o;
}

static GByteArray *saved(Obj *o)
{
    GByteArray *out = g_byte_array_new();
    GError *err = NULL;
    g_assert_true(vmstate_save(&obj_desc, o, out, &err));
    g_assert_no_error(err);
    return out;
}

static void test_round_trip(void)
{
    Obj o = sample();
    g_autoptr(GByteArray) b = saved(&o);
    /* 1+2+4+8+1+5 + 3*5 + 4 + 2*5 + 4 */
    g_assert_cmpuint(b->len, ==, 54);
    Obj back;
    memset(&back, 0, sizeof(back));
    GError *err = NULL;
    g_assert_true(vmstate_load_into(&obj_desc, &back, sizeof(back), b->data, b->len, 2, &err));
    g_assert_no_error(err);
    g_assert_cmpmem(&back, sizeof(back), &o, sizeof(o));
}

static void test_versions(void)
{
    Obj o = sample();
    g_autoptr(GByteArray) b = saved(&o);
    /* a version-1 stream lacks the last field: it keeps its value */
    Obj back = { .added_in_v2 = 99 };
    GError *err = NULL;
    g_assert_true(vmstate_load_into(&obj_desc, &back, sizeof(back), b->data, b->len - 4, 1,
                                    &err));
    g_assert_cmpuint(back.added_in_v2, ==, 99);
    g_assert_cmpuint(back.d, ==, o.d);
    g_assert_false(vmstate_load_into(&obj_desc, &back, sizeof(back), b->data, b->len, 3, &err));
    g_assert_cmpstr(err->message, ==, "obj: version 3 is not supported (1 to 2)");
    g_clear_error(&err);
    g_assert_false(vmstate_load_into(&obj_desc, &back, sizeof(back), b->data, b->len, 0, &err));
    g_clear_error(&err);
}

/* Every bad payload fails with a message and leaves the object as it was. */
static void test_bad_payloads(void)
{
    Obj o = sample();
    g_autoptr(GByteArray) b = saved(&o);
    Obj keep = { .a = 0x5a, .n = 1 };
    GError *err = NULL;
    for (guint cut = 0; cut < b->len; cut++) {
        Obj t = keep;
        g_assert_false(vmstate_load_into(&obj_desc, &t, sizeof(t), b->data, cut, 2, &err));
        g_assert_nonnull(strstr(err->message, "ends early"));
        g_clear_error(&err);
        g_assert_cmpmem(&t, sizeof(t), &keep, sizeof(keep));
    }
    g_autoptr(GByteArray) longer = g_byte_array_new();
    g_byte_array_append(longer, b->data, b->len);
    g_byte_array_append(longer, (const guint8 *)"x", 1);
    Obj t = keep;
    g_assert_false(vmstate_load_into(&obj_desc, &t, sizeof(t), longer->data, longer->len, 2,
                                     &err));
    g_assert_cmpstr(err->message, ==, "obj: 1 bytes left over");
    g_clear_error(&err);
    /* a boolean of 2 */
    b->data[15] = 2;
    g_assert_false(vmstate_load_into(&obj_desc, &t, sizeof(t), b->data, b->len, 2, &err));
    g_assert_cmpstr(err->message, ==, "obj.e: 2 is not a boolean");
    g_clear_error(&err);
    b->data[15] = 1;
    /* a variable array longer than its room */
    b->data[36] = 5;
    g_assert_false(vmstate_load_into(&obj_desc, &t, sizeof(t), b->data, b->len, 2, &err));
    g_assert_cmpstr(err->message, ==, "obj.var: 5 elements, at most 4");
    g_clear_error(&err);
    g_assert_cmpmem(&t, sizeof(t), &keep, sizeof(keep));
}

static void test_stream(void)
{
    g_autoptr(GByteArray) s = g_byte_array_new();
    mig_stream_put_header(s);
    mig_stream_put_section(s, MIG_SECTION_DEVICE, "memhp", 0, 1, "abc", 3);
    mig_stream_put_section(s, MIG_SECTION_END, "", 0, 0, NULL, 0);
    g_assert_cmphex(mig_crc32(0, "123456789", 9), ==, 0xcbf43926);   /* the check value */

    MigBufReader r = { s->data, s->len };
    GError *err = NULL;
    MigSection sec;
    g_assert_true(mig_stream_get_header(mig_buf_read, &r, &err));
    g_assert_true(mig_stream_get_section(mig_buf_read, &r, &sec, &err));
    g_assert_cmpuint(sec.kind, ==, MIG_SECTION_DEVICE);
    g_assert_cmpstr(sec.name, ==, "memhp");
    g_assert_cmpuint(sec.version, ==, 1);
    g_assert_cmpmem(sec.payload->data, sec.payload->len, "abc", 3);
    mig_section_clear(&sec);
    g_assert_true(mig_stream_get_section(mig_buf_read, &r, &sec, &err));
    g_assert_cmpuint(sec.kind, ==, MIG_SECTION_END);
    mig_section_clear(&sec);
    g_assert_cmpuint(r.left, ==, 0);

    /* every flipped bit of the first section (bytes 12-37) is caught by its
     * checksum or its limits */
    const guint end_section = 18;
    for (guint i = 12; i < s->len - end_section; i++) {
        for (int bit = 0; bit < 8; bit++) {
            g_autoptr(GByteArray) bad = g_byte_array_new();
            g_byte_array_append(bad, s->data, s->len);
            bad->data[i] ^= 1u << bit;
            MigBufReader br = { bad->data + 12, bad->len - 12 };
            bool ok = mig_stream_get_section(mig_buf_read, &br, &sec, &err);
            if (ok) {
                mig_section_clear(&sec);
            }
            g_assert_false(ok);
            g_clear_error(&err);
        }
    }
    /* truncation anywhere */
    for (guint cut = 0; cut < s->len - end_section; cut++) {
        MigBufReader br = { s->data, cut };
        bool ok = mig_stream_get_header(mig_buf_read, &br, &err) &&
                  mig_stream_get_section(mig_buf_read, &br, &sec, &err);
        g_assert_false(ok);
        g_assert_nonnull(strstr(err->message, "ends early"));
        g_clear_error(&err);
    }
    /* wrong magic, wrong version */
    g_autoptr(GByteArray) v = g_byte_array_new();
    g_byte_array_append(v, s->data, 12);
    v->data[8] = 9;
    MigBufReader vr = { v->data, v->len };
    g_assert_false(mig_stream_get_header(mig_buf_read, &vr, &err));
    g_assert_cmpstr(err->message, ==, "migration stream version 9 is not supported (this "
                    "hotmem reads version 1)");
    g_clear_error(&err);
    v->data[0] = 'X';
    vr = (MigBufReader){ v->data, v->len };
    g_assert_false(mig_stream_get_header(mig_buf_read, &vr, &err));
    g_assert_cmpstr(err->message, ==, "not a hotmem migration stream (bad magic)");
    g_clear_error(&err);
    /* a payload length above the limit is refused before anything is allocated */
    uint8_t huge[] = { MIG_SECTION_RAM, 1, 'r', 0, 0, 0, 0, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f };
    MigBufReader hr = { huge, sizeof(huge) };
    g_assert_false(mig_stream_get_section(mig_buf_read, &hr, &sec, &err));
    g_assert_nonnull(strstr(err->message, "claims 2147483647 bytes"));
    g_clear_error(&err);
    uint8_t longname[] = { MIG_SECTION_RAM, 200 };
    MigBufReader lr = { longname, sizeof(longname) };
    g_assert_false(mig_stream_get_section(mig_buf_read, &lr, &sec, &err));
    g_assert_cmpstr(err->message, ==, "migration stream: section name of 200 bytes");
    g_clear_error(&err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vmstate/round-trip", test_round_trip);
    g_test_add_func("/vmstate/versions", test_versions);
    g_test_add_func("/vmstate/bad-payloads", test_bad_payloads);
    g_test_add_func("/vmstate/stream", test_stream);
    return g_test_run();
}
