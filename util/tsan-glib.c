/*
 * tsan-glib.c - makes GMutex visible to ThreadSanitizer (./configure
 * --enable-tsan only; empty otherwise).
 *
 * On Linux GLib implements GMutex with its own futex code inside an
 * uninstrumented libglib, so TSan never sees the device lock taken and
 * reports every access it protects as a race (the vCPU's io_dispatch
 * against the main loop's console input, for one). configure links with
 * --wrap=g_mutex_lock/--wrap=g_mutex_unlock so that our calls land here
 * and tell TSan about the acquire/release edge.
 */
#if defined(__SANITIZE_THREAD__)     /* gcc */
#define HM_TSAN_BUILD 1
#elif defined(__has_feature)         /* clang */
#if __has_feature(thread_sanitizer)
#define HM_TSAN_BUILD 1
#endif
#endif

#ifdef HM_TSAN_BUILD
#include <glib.h>

void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
void __real_g_mutex_lock(GMutex *mutex);
void __real_g_mutex_unlock(GMutex *mutex);
void __wrap_g_mutex_lock(GMutex *mutex);
void __wrap_g_mutex_unlock(GMutex *mutex);

void __wrap_g_mutex_lock(GMutex *mutex)
{
    __real_g_mutex_lock(mutex);
    __tsan_acquire(mutex);
}

void __wrap_g_mutex_unlock(GMutex *mutex)
{
    __tsan_release(mutex);
    __real_g_mutex_unlock(mutex);
}
#endif
