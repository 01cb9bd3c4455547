package jp.smb.incident.record;

import jp.smb.incident.company.CompanyScope;
import jp.smb.incident.input.Refused;
import org.springframework.stereotype.Component;

/** An incident's record as the caller may see it: another company's incident is answered as if it did not exist. */
@Component
public class VisibleIncidents {

  private final IncidentRecords records;
  private final CompanyScope scope;

  public VisibleIncidents(IncidentRecords records, CompanyScope scope) {
    this.records = records;
    this.scope = scope;
  }

  /** The record, or a 404 that tells nothing about whether the number exists elsewhere. */
  public IncidentRecord existing(String number) {
    return records.find(number, scope.visibleCompanies()).orElseThrow(() -> Refused.notFound("インシデント " + number + " は見つかりません"));
  }
}
