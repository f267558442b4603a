/* newline-scan: the floor for reading a caption file. Reads FILE whole into
 * memory, as `captions` does, and counts its newlines with memchr; nothing is
 * parsed. Tools/bench-convert.sh compares `captions convert` with this.
 *
 *   cc -O2 -o newline-scan Tools/newline-scan.c && ./newline-scan big.srt
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: newline-scan FILE\n");
        return 64;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat info;
    if (fd < 0 || fstat(fd, &info) != 0) {
        perror(argv[1]);
        return 66;
    }
    size_t size = (size_t)info.st_size;
    char *bytes = malloc(size ? size : 1);
    size_t filled = 0;
    while (bytes && filled < size) {
        ssize_t n = read(fd, bytes + filled, size - filled);
        if (n <= 0) break;
        filled += (size_t)n;
    }
    close(fd);
    if (!bytes || filled != size) {
        perror(argv[1]);
        return 66;
    }
    size_t lines = 0;
    const char *p = bytes, *end = bytes + size;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        lines++;
        p++;
    }
    printf("%zu\n", lines);
    free(bytes);
    return 0;
}
