#ifndef CFASTCGI_SHIM_H
#define CFASTCGI_SHIM_H
#include <fcgiapp.h>
/* The FastCGI module parks idle kept connections in epoll (ConnectionSource); Glibc's module lacks these. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
