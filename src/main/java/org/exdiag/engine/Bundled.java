package org.exdiag.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The copies of rules/ and knowledge-base/ packed into the application jar: the defaults when no
 * folder is given and none is found in the working directory. Seen as a {@link Path}, so the
 * loaders read a jar the same way as a folder on disk.
 */
public final class Bundled {
    private Bundled() {
    }

    public static Path folder(String name) {
        URL url = Bundled.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("the bundled " + name + " folder is missing from the application");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            return jarFileSystem(uri).provider().getPath(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled " + name + " folder: " + e.getMessage(), e);
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
