/*
 * The floor of the benchmark's writing step: a plain C program over libxlsxwriter, the library
 * Ronghe writes with, that writes a ranking table (see ranking_table.py for the file) as a
 * one-sheet workbook, numbers in their column's number format. Whatever Ronghe spends above this
 * is its own: building rows, styles, the other sheets.
 *
 * With --constant-memory (which the benchmark passes where Ronghe streams its workbook) it uses
 * libxlsxwriter's constant_memory mode. It prints one JSON line: the wall and CPU seconds spent
 * writing (loading the table file before is not counted) and the number of rows.
 *
 * usage: xlsx_floor TABLE.tsv OUT.xlsx [--constant-memory]
 * build: cc -O2 -o xlsx_floor xlsx_floor.c -lxlsxwriter
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#define MAX_COLUMNS 256

static void fail(const char *what) {
    fprintf(stderr, "xlsx_floor: %s\n", what);
    exit(1);
}

/* Undoes the table file's escapes in place: \\ \t \n \r. */
static void unescape(char *text) {
    char *out = text;
    for (char *in = text; *in; in++) {
        if (*in == '\\' && in[1]) {
            in++;
            *out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' : *in == 'r' ? '\r' : *in;
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
}

/* Splits a line at tabs in place; returns the number of fields. */
static int split(char *line, char **fields) {
    int count = 0;
    line[strcspn(line, "\n")] = '\0';
    for (char *field = line;; count++) {
        if (count == MAX_COLUMNS) fail("too many columns");
        fields[count] = field;
        char *tab = strchr(field, '\t');
        if (!tab) return count + 1;
        *tab = '\0';
        field = tab + 1;
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "--constant-memory") != 0))
        fail("usage: xlsx_floor TABLE.tsv OUT.xlsx [--constant-memory]");

    /* The whole table is loaded first, as the Python peers do, so only writing is timed. */
    FILE *input = fopen(argv[1], "r");
    if (!input) fail("cannot open the table file");
    size_t lines = 0, capacity = 1024;
    char **text = malloc(capacity * sizeof *text);
    char *line = NULL;
    size_t length = 0;
    while (getline(&line, &length, input) != -1) {
        if (lines == capacity) text = realloc(text, (capacity *= 2) * sizeof *text);
        text[lines++] = strdup(line);
    }
    free(line);
    fclose(input);
    if (lines == 0) fail("empty table file");

    double started = now();
    clock_t cpu_started = clock();
    lxw_workbook_options options = {.constant_memory = argc == 4, .tmpdir = NULL};
    lxw_workbook *book = workbook_new_opt(argv[2], &options);
    if (!book) fail("cannot create the workbook");
    lxw_worksheet *sheet = workbook_add_worksheet(book, "排名");

    char *fields[MAX_COLUMNS];
    lxw_format *formats[MAX_COLUMNS] = {0};
    int columns = split(text[0], fields);
    for (int c = 0; c < columns; c++) {
        if (*fields[c]) {
            formats[c] = workbook_add_format(book);
            format_set_num_format(formats[c], fields[c]);
        }
    }
    for (size_t r = 1; r < lines; r++) {
        int count = split(text[r], fields);
        for (int c = 0; c < count && c < columns; c++) {
            char *cell = fields[c];
            if (*cell == 's') {
                unescape(cell + 1);
                worksheet_write_string(sheet, r - 1, c, cell + 1, NULL);
            } else if (*cell == 'n') {
                worksheet_write_number(sheet, r - 1, c, strtod(cell + 1, NULL), formats[c]);
            }
        }
    }
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) fail(lxw_strerror(error));
    printf("{\"seconds\": %.6f, \"cpu_seconds\": %.6f, \"rows\": %zu}\n", now() - started,
           (double)(clock() - cpu_started) / CLOCKS_PER_SEC, lines - 1);
    return 0;
}
