package tw.smartgov.app.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tw.smartgov.identity.NationalId;

/**
 * Made-up citizens with well-formed national identification numbers (letter, sex digit, seven
 * digits, check digit), and the records the demo agencies hold about them. Any resemblance to a
 * real person is accidental.
 */
final class SyntheticCitizens {
    record Citizen(
            String nationalId,
            String name,
            String birthDate,
            String sex,
            String address,
            String householdHead,
            String employer,
            int monthlySalary) {}

    private static final List<Citizen> CITIZENS = List.of(
            citizen("A", "1", "2345678", "王小明", "1990-05-17", "M", "臺北市中正區重慶南路一段 122 號", "王大同", "臺灣積體電路製造", 68_000),
            citizen("B", "2", "8765432", "陳美玲", "1985-11-02", "F", "臺中市西屯區臺灣大道三段 99 號", "陳美玲", "中華郵政", 54_000),
            citizen("E", "1", "3579246", "林志豪", "1978-02-28", "M", "高雄市苓雅區四維三路 2 號", "林志豪", "高雄市政府", 61_500),
            citizen("F", "2", "1234567", "張雅婷", "2001-08-09", "F", "新北市板橋區中山路一段 161 號", "張國華", "7-ELEVEN", 29_500));

    private SyntheticCitizens() {}

    static List<Citizen> all() {
        return CITIZENS;
    }

    static Optional<Citizen> find(String nationalId) {
        return CITIZENS.stream().filter(c -> c.nationalId().equals(nationalId)).findFirst();
    }

    static Map<String, Object> personRecord(Citizen c) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nationalId", c.nationalId());
        record.put("name", c.name());
        record.put("birthDate", c.birthDate());
        record.put("sex", c.sex());
        record.put("householdAddress", c.address());
        record.put("householdHead", c.householdHead());
        record.put("source", "TW/GOV/MOI/household (synthetic demo data)");
        return record;
    }

    static Map<String, Object> incomeRecord(Citizen c, int year) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nationalId", c.nationalId());
        record.put("year", year);
        record.put("salaryIncome", c.monthlySalary() * 14);
        record.put("interestIncome", (c.monthlySalary() / 100) * 3);
        record.put("source", "TW/GOV/MOF/tax (synthetic demo data)");
        return record;
    }

    static Map<String, Object> insuranceRecord(Citizen c) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("nationalId", c.nationalId());
        record.put("employer", c.employer());
        record.put("insuredSalary", Math.min(c.monthlySalary(), 45_800));
        record.put("insured", true);
        record.put("source", "TW/GOV/BLI/insurance (synthetic demo data)");
        return record;
    }

    private static Citizen citizen(
            String letter,
            String sex,
            String digits,
            String name,
            String birth,
            String sexLetter,
            String address,
            String head,
            String employer,
            int salary) {
        String id = NationalId.withCheckDigit(letter + sex + digits).value();
        return new Citizen(id, name, birth, sexLetter, address, head, employer, salary);
    }
}
