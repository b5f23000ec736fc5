package com.example.monitor.files;

import java.io.IOException;

/** A file or folder the product will not open or write through; the message names the problem, never the content. */
public final class RefusedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedFileException(String reason) {
        super(reason);
    }
}
