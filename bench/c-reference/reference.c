/*
 * The benchmark's hand-written C reference: the least a FastCGI responder can do for one page,
 * which the portal's own figures are compared with. libfcgi in the threaded style of its
 * examples/threaded.c (N threads, one mutex around accepting), one read-only SQLite connection
 * per thread, one primary-key read per request, and a ~3 KB HTML page built with snprintf.
 * One FastCGI connection per request unless nginx keeps connections (fastcgi_keep_conn).
 *
 *   reference SOCKET_PATH DATABASE_PATH THREADS   serve on a unix socket (mode 0666)
 *   reference --create-db DATABASE_PATH           create the database (1,000 holders) and exit
 *
 * GET ...?id=N reads holder N (default 1); a missing holder is a 404.
 * Build: bench/c-reference/build.sh [OUT]
 */
#include <errno.h>
#include <fcgiapp.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SELECT_SQL "SELECT full_name, permit_number, valid_until FROM holders WHERE id = ?1"
#define MAX_THREADS 1024
#define FIELD_MAX 512  /* escaped value, bytes */
#define PAGE_MAX 8192

static const char *socket_path;  /* unlinked by the signal handler */
static pthread_mutex_t accept_mutex = PTHREAD_MUTEX_INITIALIZER;

static const char response_head[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "\r\n";

static const char not_found_head[] =
    "Status: 404 Not Found\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "\r\n";

static const char not_found_page[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head><meta charset=\"utf-8\"><title>Not found - Work Permit Portal</title>"
    "<link rel=\"stylesheet\" href=\"/css/portal.css\"></head>\n"
    "<body><main><h1>Not found</h1><p>There is no permit holder with this number.</p>"
    "<p><a href=\"/\">Back to the home page</a></p></main></body>\n"
    "</html>\n";

static const char error_head[] =
    "Status: 500 Internal Server Error\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "Cache-Control: no-store\r\n"
    "\r\n";

static const char error_page[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head>\n"
    "<body><main><h1>Something went wrong</h1><p>Please try again later.</p></main></body></html>\n";

/* The page; %s in order: full name (title), full name, permit number, valid until. */
static const char page_format[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>%s - Work Permit E-Card - Work Permit Portal</title>\n"
    "<link rel=\"stylesheet\" href=\"/css/portal.css\">\n"
    "<link rel=\"icon\" href=\"/img/favicon.png\">\n"
    "</head>\n"
    "<body>\n"
    "<a class=\"skip-link\" href=\"#content\">Skip to the main content</a>\n"
    "<header class=\"site-header\">\n"
    "<div class=\"brand\"><a href=\"/\"><img src=\"/img/logo.svg\" alt=\"\" width=\"40\" height=\"40\">"
    "<span>Work Permit Portal</span></a></div>\n"
    "<p class=\"tagline\">Online services for holders of a work permit</p>\n"
    "</header>\n"
    "<nav class=\"site-nav\" aria-label=\"Main\">\n"
    "<ul>\n"
    "<li><a href=\"/\">Home</a></li>\n"
    "<li><a href=\"/card\" aria-current=\"page\">My e-card</a></li>\n"
    "<li><a href=\"/services\">Services</a></li>\n"
    "<li><a href=\"/reminders\">Reminders</a></li>\n"
    "<li><a href=\"/verify\">Verify a permit</a></li>\n"
    "<li><a href=\"/logout\">Sign out</a></li>\n"
    "</ul>\n"
    "</nav>\n"
    "<main id=\"content\">\n"
    "<h1>Work permit e-card</h1>\n"
    "<p class=\"lead\">This is the electronic version of your work permit. It carries the same "
    "information as the printed card and can be shown to an employer or to an inspector on request.</p>\n"
    "<section class=\"card\" aria-labelledby=\"card-title\">\n"
    "<h2 id=\"card-title\">Permit details</h2>\n"
    "<dl class=\"card-fields\">\n"
    "<dt>Full name</dt>\n"
    "<dd>%s</dd>\n"
    "<dt>Permit number</dt>\n"
    "<dd class=\"mono\">%s</dd>\n"
    "<dt>Valid until</dt>\n"
    "<dd><time datetime=\"%s\">%s</time></dd>\n"
    "</dl>\n"
    "<p class=\"card-note\">The QR code on the printed card links to the public verification page, "
    "where anyone can check that a permit number is genuine and still valid.</p>\n"
    "</section>\n"
    "<section aria-labelledby=\"next-title\">\n"
    "<h2 id=\"next-title\">What you can do next</h2>\n"
    "<ul class=\"actions\">\n"
    "<li><a href=\"/services/renewal\">Apply to renew your permit</a> up to ninety days before it "
    "expires, so that there is no gap between the old permit and the new one.</li>\n"
    "<li><a href=\"/services/change\">Report a change</a> of employer, position or work location "
    "within fifteen days, as the regulations require.</li>\n"
    "<li><a href=\"/reminders\">Set up reminders</a> by text message or e-mail before the expiry "
    "date of your permit.</li>\n"
    "</ul>\n"
    "<p>If any of the details above are wrong, please contact the office that issued your permit "
    "and bring your passport and the printed card with you. Corrections cannot be made online.</p>\n"
    "</section>\n"
    "<aside class=\"notice\" aria-label=\"Security notice\">\n"
    "<p>Never share your password or the codes we send you by text message. Staff of the Labour "
    "Department will never ask you for them by phone or by e-mail.</p>\n"
    "</aside>\n"
    "</main>\n"
    "<footer class=\"site-footer\">\n"
    "<p>Work Permit Portal is operated by the Labour Department. Office hours are Monday to Friday, "
    "nine to five, except public holidays.</p>\n"
    "<ul class=\"footer-links\">\n"
    "<li><a href=\"/help\">Help</a></li>\n"
    "<li><a href=\"/privacy\">Privacy notice</a></li>\n"
    "<li><a href=\"/accessibility\">Accessibility</a></li>\n"
    "<li><a href=\"/contact\">Contact us</a></li>\n"
    "</ul>\n"
    "<p class=\"copyright\">&copy; 2026 Labour Department</p>\n"
    "</footer>\n"
    "<script src=\"/js/portal.js\" defer></script>\n"
    "</body>\n"
    "</html>\n";

static void on_signal(int signo)
{
    (void)signo;
    if (socket_path != NULL)
        unlink(socket_path);
    _exit(0);
}

/* HTML-escapes text into out (size bytes, NUL-terminated). Returns 0, or -1 if it does not fit. */
static int html_escape(const unsigned char *text, char *out, size_t size)
{
    size_t used = 0;
    if (text == NULL)
        text = (const unsigned char *)"";
    for (; *text != '\0'; text++) {
        const char *rep;
        char plain[2];
        switch (*text) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            plain[0] = (char)*text;
            plain[1] = '\0';
            rep = plain;
            break;
        }
        size_t len = strlen(rep);
        if (used + len >= size)
            return -1;
        memcpy(out + used, rep, len);
        used += len;
    }
    out[used] = '\0';
    return 0;
}

/*
 * The holder id from QUERY_STRING: 1 without an id parameter, the first id=N otherwise.
 * Returns 0 and sets *id, or -1 when id is present but not a positive integer (answered with a 404).
 */
static int requested_id(const char *query, sqlite3_int64 *id)
{
    *id = 1;
    if (query == NULL)
        return 0;
    const char *p = query;
    while (*p != '\0') {
        size_t len = strcspn(p, "&");
        if (len > 3 && strncmp(p, "id=", 3) == 0) {
            const char *digits = p + 3;
            size_t n = len - 3;
            if (n > 18)
                return -1;
            sqlite3_int64 value = 0;
            for (size_t i = 0; i < n; i++) {
                if (digits[i] < '0' || digits[i] > '9')
                    return -1;
                value = value * 10 + (digits[i] - '0');
            }
            if (value < 1)
                return -1;
            *id = value;
            return 0;
        }
        if (len == 2 && strncmp(p, "id", 2) == 0)
            return -1;
        if (len == 3 && strncmp(p, "id=", 3) == 0)
            return -1;
        p += len;
        if (*p == '&')
            p++;
    }
    return 0;
}

struct worker {
    int index;
    int listen_fd;
    const char *db_path;
};

static void fail_process(const char *what, const char *detail)
{
    fprintf(stderr, "reference: %s: %s\n", what, detail);
    if (socket_path != NULL)
        unlink(socket_path);
    _exit(1);
}

static void *serve(void *arg)
{
    const struct worker *w = arg;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    FCGX_Request req;
    char name[FIELD_MAX], permit[FIELD_MAX], until[FIELD_MAX];
    char page[PAGE_MAX];

    if (sqlite3_open_v2(w->db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        fail_process("sqlite3_open_v2", db != NULL ? sqlite3_errmsg(db) : "out of memory");
    if (sqlite3_prepare_v3(db, SELECT_SQL, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        fail_process("sqlite3_prepare_v3", sqlite3_errmsg(db));

    if (FCGX_InitRequest(&req, w->listen_fd, 0) != 0)
        fail_process("FCGX_InitRequest", "failed");

    for (;;) {
        /* The mutex serialises accept() only: a thread whose connection nginx keeps (fastcgi_keep_conn) reads
         * its next request from that connection, and must not hold every other thread off while it waits. */
        int accepting = req.ipcFd < 0;
        if (accepting) pthread_mutex_lock(&accept_mutex);
        int rc = FCGX_Accept_r(&req);
        if (accepting) pthread_mutex_unlock(&accept_mutex);
        if (rc < 0) {
            fprintf(stderr, "reference: thread %d: FCGX_Accept_r failed (%d), thread stops\n", w->index, rc);
            break;
        }

        sqlite3_int64 id;
        int found = 0, failed = 0;
        if (requested_id(FCGX_GetParam("QUERY_STRING", req.envp), &id) == 0) {
            sqlite3_bind_int64(stmt, 1, id);
            int step = sqlite3_step(stmt);
            if (step == SQLITE_ROW) {
                found = 1;
                if (html_escape(sqlite3_column_text(stmt, 0), name, sizeof name) != 0
                    || html_escape(sqlite3_column_text(stmt, 1), permit, sizeof permit) != 0
                    || html_escape(sqlite3_column_text(stmt, 2), until, sizeof until) != 0)
                    failed = 1;
            } else if (step != SQLITE_DONE) {
                fprintf(stderr, "reference: sqlite3_step: %s\n", sqlite3_errmsg(db));
                failed = 1;
            }
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
        }

        if (found && !failed) {
            int n = snprintf(page, sizeof page, page_format, name, name, permit, until, until);
            if (n < 0 || (size_t)n >= sizeof page) {
                failed = 1;
            } else {
                FCGX_PutStr(response_head, (int)(sizeof response_head - 1), req.out);
                FCGX_PutStr(page, n, req.out);
            }
        }
        if (failed) {
            FCGX_PutStr(error_head, (int)(sizeof error_head - 1), req.out);
            FCGX_PutStr(error_page, (int)(sizeof error_page - 1), req.out);
        } else if (!found) {
            FCGX_PutStr(not_found_head, (int)(sizeof not_found_head - 1), req.out);
            FCGX_PutStr(not_found_page, (int)(sizeof not_found_page - 1), req.out);
        }
        FCGX_Finish_r(&req);
    }

    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return NULL;
}

static int exec_or_report(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "reference: %s\n", err != NULL ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

static int create_db(const char *path)
{
    static const char *const first[] = {
        "ANNA", "JONAS", "MARIA", "LUKAS", "SOFIA", "DAVID", "ELENA", "TOMAS", "NINA", "PAUL",
        "LAURA", "MATEO", "CHLOE", "IVAN", "AMIRA", "OSKAR", "LENA", "KENJI", "FATIMA", "JÜRGEN",
    };
    static const char *const last[] = {
        "SCHMIDT", "MÜLLER", "NOVAK", "GARCIA", "ROSSI", "KOWALSKI", "O'BRIEN", "NGUYEN", "HANSEN",
        "PETROV", "SILVA", "WAGNER", "DUBOIS", "TANAKA", "HOFFMANN", "JANSSEN", "KHAN", "LINDQVIST",
        "MORENO", "WEBER", "FISCHER", "POPESCU", "YILMAZ", "COSTA", "BAUER",
    };
    struct stat st;
    if (stat(path, &st) == 0) {
        fprintf(stderr, "reference: %s already exists; not touching it\n", path);
        return 1;
    }

    sqlite3 *db = NULL;
    sqlite3_stmt *ins = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        fprintf(stderr, "reference: cannot create %s: %s\n", path, db != NULL ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 1;
    }
    if (exec_or_report(db, "BEGIN;"
                           "CREATE TABLE holders(id INTEGER PRIMARY KEY, full_name TEXT NOT NULL,"
                           " permit_number TEXT NOT NULL, valid_until TEXT NOT NULL);") != 0)
        goto fail;
    if (sqlite3_prepare_v2(db, "INSERT INTO holders(id, full_name, permit_number, valid_until) VALUES (?1, ?2, ?3, ?4)",
                           -1, &ins, NULL) != SQLITE_OK) {
        fprintf(stderr, "reference: %s\n", sqlite3_errmsg(db));
        goto fail;
    }
    for (int id = 1; id <= 1000; id++) {
        char name[64], permit[16], until[11];
        if (id == 1) {
            snprintf(name, sizeof name, "ANNA SCHMIDT");
            snprintf(until, sizeof until, "2027-12-31");
        } else {
            snprintf(name, sizeof name, "%s %s", first[(id * 7) % 20], last[(id * 11 + id / 100) % 25]);
            snprintf(until, sizeof until, "%04d-%02d-%02d", 2026 + id % 3, 1 + (id * 5) % 12, 1 + (id * 13) % 28);
        }
        snprintf(permit, sizeof permit, "WP2026%06d", id);
        sqlite3_bind_int(ins, 1, id);
        sqlite3_bind_text(ins, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, permit, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 4, until, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            fprintf(stderr, "reference: insert %d: %s\n", id, sqlite3_errmsg(db));
            goto fail;
        }
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    ins = NULL;
    if (exec_or_report(db, "COMMIT;") != 0)
        goto fail;
    if (sqlite3_close(db) != SQLITE_OK) {
        fprintf(stderr, "reference: closing %s failed\n", path);
        return 1;
    }
    printf("reference: created %s with 1000 holders\n", path);
    return 0;

fail:
    sqlite3_finalize(ins);
    sqlite3_close(db);
    unlink(path);
    return 1;
}

/* Opens the database once in the main thread, so that a wrong path or schema fails before serving. */
static int check_db(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK
             && sqlite3_prepare_v2(db, SELECT_SQL, -1, &stmt, NULL) == SQLITE_OK;
    if (!ok)
        fprintf(stderr, "reference: %s: %s (create it with: reference --create-db %s)\n", path,
                db != NULL ? sqlite3_errmsg(db) : "out of memory", path);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok ? 0 : -1;
}

static void usage(void)
{
    fprintf(stderr, "usage: reference SOCKET_PATH DATABASE_PATH THREADS\n"
                    "       reference --create-db DATABASE_PATH\n");
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--create-db") == 0)
        return create_db(argv[2]);
    if (argc != 4 || argv[1][0] == '-') {
        usage();
        return 2;
    }

    const char *sock_path = argv[1], *db_path = argv[2];
    char *end;
    errno = 0;
    long threads = strtol(argv[3], &end, 10);
    if (errno != 0 || *end != '\0' || end == argv[3] || threads < 1 || threads > MAX_THREADS) {
        fprintf(stderr, "reference: THREADS must be 1..%d\n", MAX_THREADS);
        return 2;
    }
    if (check_db(db_path) != 0)
        return 1;

    if (FCGX_Init() != 0) {
        fprintf(stderr, "reference: FCGX_Init failed\n");
        return 1;
    }

    /* A socket left behind by a killed run would make bind fail; only a socket is removed. */
    struct stat st;
    if (lstat(sock_path, &st) == 0 && S_ISSOCK(st.st_mode))
        unlink(sock_path);

    int listen_fd = FCGX_OpenSocket(sock_path, 1024);
    if (listen_fd < 0) {
        fprintf(stderr, "reference: cannot listen on %s\n", sock_path);
        return 1;
    }
    socket_path = sock_path;
    /* nginx's workers run as another user; the folder around the socket is what protects it. */
    if (chmod(sock_path, 0666) != 0)
        fail_process("chmod", strerror(errno));

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);  /* nginx closing early must not kill the process */

    static struct worker workers[MAX_THREADS];
    static pthread_t ids[MAX_THREADS];
    for (int i = 0; i < threads; i++) {
        workers[i] = (struct worker){ .index = i, .listen_fd = listen_fd, .db_path = db_path };
        int err = pthread_create(&ids[i], NULL, serve, &workers[i]);
        if (err != 0)
            fail_process("pthread_create", strerror(err));
    }
    fprintf(stderr, "reference: listening on %s with %ld threads, database %s\n", sock_path, threads, db_path);

    for (int i = 0; i < threads; i++)
        pthread_join(ids[i], NULL);
    unlink(sock_path);
    return 1;  /* every thread stopped on an accept error */
}
