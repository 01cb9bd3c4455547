package jp.smb.incident.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The companies' settings (table {@code company}); the company itself is a Camunda tenant of the same id. */
@Repository
public class Companies {

  private static final TypeReference<Map<String, String>> CONTACTS = new TypeReference<>() { };

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public Companies(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void save(Company company, OffsetDateTime now) {
    int updated = jdbc.update("UPDATE company SET name = ?, profile = ?, default_procedure = ?, contacts = ? WHERE id = ?",
        company.name(), company.profile(), company.defaultProcedure(), json(company.contacts()), company.id());
    if (updated == 0) {
      jdbc.update("INSERT INTO company (id, name, profile, default_procedure, contacts, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          company.id(), company.name(), company.profile(), company.defaultProcedure(), json(company.contacts()), now);
    }
  }

  public Optional<Company> find(String id) {
    return jdbc.query("SELECT * FROM company WHERE id = ?", this::company, id).stream().findFirst();
  }

  public List<Company> all() {
    return jdbc.query("SELECT * FROM company ORDER BY id", this::company);
  }

  private String json(Map<String, String> contacts) {
    try {
      return json.writeValueAsString(contacts == null ? Map.of() : contacts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Company company(ResultSet rs, int row) throws SQLException {
    Map<String, String> contacts;
    try {
      contacts = rs.getString("contacts") == null ? Map.of()
          : json.readValue(rs.getString("contacts"), CONTACTS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable contacts of company " + rs.getString("id"), e);
    }
    return new Company(rs.getString("id"), rs.getString("name"), rs.getString("profile"),
        rs.getString("default_procedure"), contacts);
  }
}
