/*
 * fd.c - getfd and closefd: descriptors the client passed with SCM_RIGHTS,
 * kept by name until a migration takes one or closefd closes it.
 */
#include "monitor/fd.h"
#include "monitor/qapi-runtime.h"
#include "monitor/qmp.h"
#include "monitor/stream.h"
#include "qapi-generated.h"

#include <unistd.h>

static GHashTable *fds;           /* name -> fd (GINT_TO_POINTER) */

static void close_value(gpointer p)
{
    close(GPOINTER_TO_INT(p));
}

static GHashTable *table(void)
{
    if (!fds) {
        fds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, close_value);
    }
    return fds;
}

bool qmp_getfd(const char *fdname, GError **errp)
{
    QmpSession *s = qmp_session_current();
    int fd = s && s->stream ? mon_stream_take_fd(s->stream) : -1;
    if (fd < 0) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "No file descriptor supplied via SCM_RIGHTS");
        return false;
    }
    if (g_ascii_isdigit(fdname[0]) || !fdname[0]) {
        close(fd);
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "Parameter 'fdname' expects a name not starting with a digit");
        return false;
    }
    if (!g_hash_table_contains(table(), fdname) &&
        g_hash_table_size(table()) >= MONITOR_FDS_MAX) {
        close(fd);
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "getfd: %u descriptors are kept already; closefd some first",
                       MONITOR_FDS_MAX);
        return false;
    }
    g_hash_table_replace(table(), g_strdup(fdname), GINT_TO_POINTER(fd));
    return true;
}

bool qmp_closefd(const char *fdname, GError **errp)
{
    if (!g_hash_table_remove(table(), fdname)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "File descriptor named '%s' not found", fdname);
        return false;
    }
    return true;
}

int monitor_fd_take(const char *name, GError **errp)
{
    gpointer key, value;
    if (!g_hash_table_lookup_extended(table(), name, &key, &value)) {
        qapi_error_set(errp, QAPI_ERROR_CLASS_GENERIC_ERROR,
                       "File descriptor named '%s' has not been found", name);
        return -1;
    }
    g_hash_table_steal(table(), name);
    g_free(key);
    return GPOINTER_TO_INT(value);
}

void monitor_fd_table_clear(void)
{
    g_clear_pointer(&fds, g_hash_table_destroy);
}
