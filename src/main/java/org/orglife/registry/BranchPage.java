package org.orglife.registry;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list by branch code, as {@code /api} answers lists that grow with the county: the query
 * parameters {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} by
 * default), the list itself as the body (the first page is what the list was before it was paged), the
 * total in the header {@code X-Total-Count}, and the next and previous pages in {@code Link}.
 */
public record BranchPage(int page, int size) {

    public static final int DEFAULT_SIZE = 200;
    public static final int MAX_SIZE = 1000;
    public static final String TOTAL = "X-Total-Count";

    /** Refuses, in Chinese, what is no page. */
    public BranchPage {
        if (page < 0) {
            throw new IllegalArgumentException("参数「page」须为 0 或正整数（第一页为 0），不能是 " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("参数「size」须在 1 到 " + MAX_SIZE + " 之间，不能是 " + size);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** The page's items with the total and the links to the pages beside it. */
    public <T> ResponseEntity<List<T>> answer(List<T> items, long total, UriComponentsBuilder self) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TOTAL, Long.toString(total));
        StringBuilder links = new StringBuilder();
        if (offset() + size < total) {
            links.append(link(self, page + 1, "next"));
        }
        if (page > 0) {
            links.append(links.isEmpty() ? "" : ", ").append(link(self, page - 1, "prev"));
        }
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, links.toString());
        }
        return ResponseEntity.ok().headers(headers).body(items);
    }

    private String link(UriComponentsBuilder self, int to, String rel) {
        return "<" + self.cloneBuilder().replaceQueryParam("page", to).replaceQueryParam("size", size).build()
                .toUriString() + ">; rel=\"" + rel + "\"";
    }
}
