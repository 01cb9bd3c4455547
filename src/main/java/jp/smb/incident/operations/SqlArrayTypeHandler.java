package jp.smb.incident.operations;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds a list of ids as one SQL array parameter, read in task-query.xml as a table ({@code UNNEST}). A vendor's
 * desk carries a group and a tenant per client company: as one parameter, its thousand ids cost the same to
 * prepare as one, where MyBatis builds an IN list element by element on every query.
 */
public class SqlArrayTypeHandler extends BaseTypeHandler<Collection<String>> {

  @Override
  public void setNonNullParameter(PreparedStatement statement, int index, Collection<String> ids, JdbcType type)
      throws SQLException {
    statement.setArray(index, statement.getConnection().createArrayOf("varchar", ids.toArray()));
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
