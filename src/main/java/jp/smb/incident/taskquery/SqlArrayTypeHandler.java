package jp.smb.incident.taskquery;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.value.TypeInfo;
import org.h2.value.Value;
import org.h2.value.ValueArray;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;

/**
 * Binds a list of ids as one SQL array parameter, read in task-query.xml as a table ({@code UNNEST}). A vendor's
 * desk carries a group and a tenant per client company: as one parameter, its thousand ids cost the same to
 * prepare as one, where MyBatis builds an IN list element by element on every query.
 *
 * <p>On H2 the array is built once per list and kept: H2 converts every element of a JDBC array twice per bind
 * (creating it and setting it), and one Tasklist page binds the desk's groups and companies six times, which for
 * 1,000 companies was half of the page's time. H2's own array value is immutable and is passed through as it is.
 */
public class SqlArrayTypeHandler extends BaseTypeHandler<Collection<String>> {

  /** Lists shorter than this are converted on each bind: cheap, and not worth a place in the cache. */
  private static final int CACHED_FROM = 32;
  private static final int CACHE_ENTRIES = 64;

  private static final Map<List<String>, Value> H2_ARRAYS = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<List<String>, Value> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  @Override
  public void setNonNullParameter(PreparedStatement statement, int index, Collection<String> ids, JdbcType type)
      throws SQLException {
    if (ids.size() >= CACHED_FROM && statement.isWrapperFor(JdbcPreparedStatement.class)) {
      statement.setObject(index, h2Array(ids));
    } else {
      statement.setArray(index, statement.getConnection().createArrayOf("varchar", ids.toArray()));
    }
  }

  private static Value h2Array(Collection<String> ids) {
    synchronized (H2_ARRAYS) {
      // Any list with the same ids in the same order finds it (List.equals); only a new entry is copied.
      Value cached = H2_ARRAYS.get(ids instanceof List<String> list ? list : new ArrayList<>(ids));
      if (cached != null) {
        return cached;
      }
    }
    List<String> key = Collections.unmodifiableList(new ArrayList<>(ids));
    Value[] elements = new Value[key.size()];
    for (int i = 0; i < elements.length; i++) {
      String id = key.get(i);
      elements[i] = id == null ? ValueNull.INSTANCE : ValueVarchar.get(id);
    }
    Value array = ValueArray.get(TypeInfo.TYPE_VARCHAR, elements, null);
    synchronized (H2_ARRAYS) {
      H2_ARRAYS.put(key, array);
    }
    return array;
  }

  @Override
  public Collection<String> getNullableResult(ResultSet result, String column) {
    throw new UnsupportedOperationException("write-only: binds parameters");
  }

  @Override
  public Collection<String> getNullableResult(ResultSet result, int column) {
    throw new UnsupportedOperationException("write-only: binds parameters");
  }

  @Override
  public Collection<String> getNullableResult(CallableStatement statement, int column) {
    throw new UnsupportedOperationException("write-only: binds parameters");
  }
}
