package jp.smb.incident.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A long list of ids for an {@code IN (...)} condition, cut into lists of at most 500: databases limit the parameters
 * of one statement, and the engine's queries by ids take them as one list.
 */
public final class InChunks {

  public static final int SIZE = 500;

  private InChunks() {
  }

  /** The values in order, in consecutive lists of at most {@link #SIZE}; none for no values. */
  public static <T> List<List<T>> of(Collection<T> values) {
    List<T> all = List.copyOf(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += SIZE) {
      chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
    }
    return chunks;
  }
}
