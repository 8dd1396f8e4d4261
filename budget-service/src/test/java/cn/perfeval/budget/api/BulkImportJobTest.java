package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.budget.service.ImportJobWorker;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bulk import jobs (issue #18): POST /api/v1/jobs/budget-imports and GET /api/v1/jobs/{id}. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class BulkImportJobTest {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportJobWorker worker;

    static String line(String code, String basic) {
        return """
                {"unitCode":"%s","year":2024,"unit":{"name":"批量导入测试单位 %s","county":"批量县","province":"湖南省","kind":"行政"},\
                "expenditure":{"amountUnit":"万元","rows":[{"code":"201","name":"一般公共服务支出","total":100,"basic":%s,"project":20},\
                {"code":"20103","name":"政府办公厅（室）及相关机构事务","total":100,"basic":%s,"project":20}]},\
                "staff":{"authorizedPosts":10,"actual":9},\
                "execution":{"amountUnit":"万元","basicActual":70,"projectActual":15}}"""
                .formatted(code, code, basic, basic);
    }

    static String submit(String contentType, String body) {
        Response r = given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs/budget-imports");
        r.then().statusCode(202);
        String location = r.header("Location");
        assertThat(location).matches(".*/api/v1/jobs/[0-9a-f-]{36}$");
        assertThat(r.jsonPath().getString("kind")).isEqualTo("budget-import");
        assertThat(location).endsWith(r.jsonPath().getString("id"));
        return r.jsonPath().getString("id");
    }

    static JsonPath awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = given().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath().getString("state");
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return given().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    long events(String code) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE record_key = ?", code + ":2024");
    }

    @Test
    void aBadUnitYearIsReportedAndSkippedTheOthersLandWithOneEventEach() throws Exception {
        String a = Golden.newCode();
        String b = Golden.newCode();
        String c = Golden.newCode();
        String id = submit(NDJSON, line(a, "80") + "\n" + line(b, "-1") + "\n\n" + line(c, "80") + "\n");

        JsonPath job = awaitFinished(id);
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getString("stateLabel")).isEqualTo("已完成");
        assertThat(job.getInt("total")).isEqualTo(3);
        assertThat(job.getInt("done")).isEqualTo(3);
        assertThat(job.getInt("succeeded")).isEqualTo(2);
        assertThat(job.getInt("failed")).isEqualTo(1);
        assertThat(job.getString("startedAt")).isNotNull();
        assertThat(job.getString("finishedAt")).isNotNull();
        // the bad unit-year is named with the single-unit API's field paths and messages, prefixed by its part
        assertThat(job.getList("errors")).hasSize(1);
        assertThat(job.getInt("errors[0].line")).isEqualTo(2);
        assertThat(job.getString("errors[0].unitCode")).isEqualTo(b);
        assertThat(job.getInt("errors[0].year")).isEqualTo(2024);
        assertThat(job.getList("errors[0].errors.field", String.class))
                .containsExactly("expenditure.rows[0].basic", "expenditure.rows[1].basic");
        assertThat(job.getString("errors[0].errors[0].message")).isEqualTo("不能为负数");

        // the good ones are stored whole, with one version and one event each; the bad one not at all
        for (String code : List.of(a, c)) {
            given().get("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(200)
                    .header("ETag", "\"1\"");
            JsonPath measures = given().get("/api/v1/units/" + code + "/years/2024/budget/measures").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(measures.getString("measures.totalActual.value")).isNotNull();
            assertThat(events(code)).isEqualTo(1);
        }
        given().get("/api/v1/units/" + b).then().statusCode(404);
        assertThat(events(b)).isZero();

        // and the events reach the topic, one per unit-year, with every part of it
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("budget-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(a + ":2024") || r.key().equals(c + ":2024")) {
                        seen.add(r.value());
                    }
                });
                return seen.size() >= 2;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (r.key().equals(a + ":2024") || r.key().equals(c + ":2024") || r.key().equals(b + ":2024")) {
                    seen.add(r.value());
                }
            });
        }
        assertThat(seen).hasSize(2);
        BudgetUnitYearChanged event = EventCodec.readBudgetEvent(seen.get(0));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.unit().county()).isEqualTo("批量县");
        assertThat(event.measures().get("totalActual")).isEqualByComparingTo("85");
    }

    @Test
    void unitYearsStoredBeforeOrNamedAgainInOneChunkAreReplacedWholeInLineOrder() throws Exception {
        String a = Golden.newCode();
        awaitFinished(submit(NDJSON, line(a, "80") + "\n"));
        // one chunk: the stored unit-year again, then once more, then another year of the unit under a new name
        String renamed = line(a, "50").replace("\"year\":2024", "\"year\":2023").replace("批量导入测试单位 " + a, "改名后的单位 " + a);
        JsonPath job = awaitFinished(submit(NDJSON, line(a, "70") + "\n" + line(a, "60") + "\n" + renamed + "\n"));
        assertThat(job.getInt("succeeded")).isEqualTo(3);

        // each line replaced the tables whole (no row left over from the line before), the last one named wins
        JsonPath expenditure = given().get("/api/v1/units/" + a + "/years/2024/budget/expenditure").then().statusCode(200)
                .header("ETag", "\"4\"").extract().jsonPath();
        assertThat(expenditure.getList("rows.basic", String.class)).containsExactly("60", "60");
        assertThat(count("SELECT count(*) FROM expenditure_row r JOIN unit_year y ON y.id = r.unit_year_id "
                + "WHERE y.unit_code = ? AND y.fiscal_year = 2024", a)).isEqualTo(2);
        // versions 2 and 3 by the two lines, 4 by the unit's new name (as PUT of the unit does), each with its event
        assertThat(events(a)).isEqualTo(4);
        assertThat(count("SELECT count(DISTINCT CAST(payload AS jsonb) ->> 'version') FROM outbox_event WHERE record_key = ?",
                a + ":2024")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND CAST(payload AS jsonb) ->> 'version' = '4' "
                + "AND CAST(payload AS jsonb) -> 'unit' ->> 'name' = ?", a + ":2024", "改名后的单位 " + a)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = ?", a + ":2023")).isEqualTo(1);
        given().get("/api/v1/units/" + a).then().statusCode(200).header("ETag", "\"2\"")
                .body("name", org.hamcrest.Matchers.equalTo("改名后的单位 " + a));
        given().get("/api/v1/units/" + a + "/years/2023/budget/expenditure").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void csvRowsOfAUnitYearBecomeOneUnitYear() throws Exception {
        String a = Golden.newCode();
        String b = Golden.newCode();
        String csv = String.join("\n",
                "unitCode,year,unitName,county,province,kind,amountUnit,code,name,total,basic,project,basicActual,projectActual",
                a + ",2024,单位甲,批量县,湖南省,行政,万元,201,一般公共服务支出,100,80,20,70,15",
                a + ",2024,单位甲,批量县,湖南省,行政,万元,20103,政府办公厅（室）及相关机构事务,100,80,20,70,15",
                a + ",2024,单位甲,批量县,湖南省,行政,万元,205,教育支出,50,50,0,40,0",
                b + ",2024,单位乙,批量县,湖南省,行政,万元,201,一般公共服务支出,abc,80,20,,",
                "");
        String id = submit("text/csv", csv);
        JsonPath job = awaitFinished(id);
        assertThat(job.getInt("total")).isEqualTo(2);
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        assertThat(job.getInt("errors[0].line")).isEqualTo(5);
        // refused on arrival, it is still named by its unit and year
        assertThat(job.getString("errors[0].unitCode")).isEqualTo(b);
        assertThat(job.getInt("errors[0].year")).isEqualTo(2024);
        assertThat(job.getString("errors[0].errors[0].field")).isEqualTo("expenditure.rows[0].total");
        JsonPath exp = given().get("/api/v1/units/" + a + "/years/2024/budget/expenditure").then().statusCode(200).extract().jsonPath();
        assertThat(exp.getList("rows.code", String.class)).containsExactly("201", "20103", "205");
        JsonPath execution = given().get("/api/v1/units/" + a + "/years/2024/budget/execution").then().statusCode(200).extract().jsonPath();
        // the unit-year's actual spending is the sum over the 类 rows
        assertThat(execution.getDouble("basicActual")).isEqualTo(110.0);
        assertThat(execution.getDouble("projectActual")).isEqualTo(15.0);
        assertThat(execution.getList("byFunction")).hasSize(3);
        assertThat(events(a)).isEqualTo(1);
        given().get("/api/v1/units/" + b).then().statusCode(404);
    }

    @Test
    void aMultiUnitWorkbookWithAUnitColumnIsReadAsTheCsvIs() throws Exception {
        String a = Golden.newCode();
        String b = Golden.newCode();
        Object[][] sheet = {
                {"unitCode", "year", "unitName", "county", "province", "kind", "amountUnit", "code", "name", "total", "basic",
                        "project", "basicActual", "projectActual"},
                {a, 2024, "单位丙", "批量县", "湖南省", "行政", "万元", "201", "一般公共服务支出", 100, 80, 20, 70, 15},
                {a, 2024, "单位丙", "批量县", "湖南省", "行政", "万元", "20103", "政府办公厅（室）及相关机构事务", 100, 80, 20, 70, 15},
                {b, 2024, "单位丁", "批量县", "湖南省", "行政", "万元", "201", "一般公共服务支出", "一百", 80, 20, null, null}};
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var ws = wb.createSheet("批量导入");
            for (int r = 0; r < sheet.length; r++) {
                var row = ws.createRow(r);
                for (int c = 0; c < sheet[r].length; c++) {
                    Object v = sheet[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Response r = given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .post("/api/v1/jobs/budget-imports");
        r.then().statusCode(202);
        assertThat(r.jsonPath().getString("format")).isEqualTo("xlsx");
        JsonPath job = awaitFinished(r.jsonPath().getString("id"));
        assertThat(job.getInt("total")).isEqualTo(2);
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        // the error points at the sheet's row (the header is row 1) and names the unit-year
        assertThat(job.getInt("errors[0].line")).isEqualTo(4);
        assertThat(job.getString("errors[0].unitCode")).isEqualTo(b);
        assertThat(job.getString("errors[0].errors[0].field")).isEqualTo("expenditure.rows[0].total");
        assertThat(job.getString("errors[0].errors[0].message")).contains("一百").contains("应为数字");
        JsonPath execution = given().get("/api/v1/units/" + a + "/years/2024/budget/execution").then().statusCode(200)
                .extract().jsonPath();
        assertThat(execution.getDouble("basicActual")).isEqualTo(70.0);
        assertThat(execution.getList("byFunction")).hasSize(2);
        assertThat(events(a)).isEqualTo(1);

        // a workbook without the header the CSV has: 400, nothing queued
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            wb.createSheet("批量导入").createRow(0).createCell(0).setCellValue("单位代码");
            wb.write(out);
            given().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(out.toByteArray())
                    .post("/api/v1/jobs/budget-imports").then().statusCode(400)
                    .body("detail", org.hamcrest.Matchers.startsWith("工作表的第一行（表头）缺少列 unitCode"));
        }
    }

    @Test
    void aJobLeftRunningContinuesFromTheLastCommittedUnitYearWithoutDuplicates() throws Exception {
        String d = Golden.newCode();
        String e = Golden.newCode();
        String f = Golden.newCode();
        UUID id = UUID.randomUUID();
        // as a restart finds it: running, line 1 committed (its data left out here, so a second processing would show),
        // lines 2 and 3 pending
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO import_job (id, kind, format, state, total, done, failed, "
                    + "created_by, created_at, started_at) VALUES (?, 'budget-import', 'ndjson', 'RUNNING', 3, 1, 0, 'admin', now(), now())")) {
                st.setObject(1, id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO import_job_item (job_id, seq, unit_code, year, payload, status) VALUES (?, ?, ?, ?, ?, ?)")) {
                Object[][] items = {{1, d, 2024, line(d, "80"), "DONE"}, {2, null, null, line(e, "80"), "PENDING"},
                        {3, null, null, line(f, "80"), "PENDING"}};
                for (Object[] item : items) {
                    st.setObject(1, id);
                    st.setObject(2, item[0]);
                    st.setObject(3, item[1]);
                    st.setObject(4, item[2]);
                    st.setObject(5, item[3]);
                    st.setObject(6, item[4]);
                    st.executeUpdate();
                }
            }
            c.commit();
        }
        // the entry point a start-up runs (the background thread may get there first: either way once)
        worker.drain();
        JsonPath job = awaitFinished(id.toString());
        assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("done")).isEqualTo(3);
        assertThat(job.getInt("failed")).isZero();
        given().get("/api/v1/units/" + d).then().statusCode(404);
        assertThat(events(d)).isZero();
        for (String code : List.of(e, f)) {
            given().get("/api/v1/units/" + code + "/years/2024/budget").then().statusCode(200).header("ETag", "\"1\"");
            assertThat(events(code)).isEqualTo(1);
        }
        worker.drain();
        assertThat(events(e) + events(f)).isEqualTo(2);
    }

    @Test
    void aUnitYearTheDatabaseRefusesIsRetriedThenReportedWhileTheRestOfItsChunkLands() throws Exception {
        String g = Golden.newCode();
        String h = Golden.newCode();
        String k = Golden.newCode();
        // a fault outside the data: the database refuses h's unit row every time (the data itself passes every check)
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION refuse_unit() RETURNS trigger AS $$ BEGIN "
                    + "RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql");
            st.execute("CREATE TRIGGER refuse_unit BEFORE INSERT ON unit FOR EACH ROW WHEN (NEW.code = '" + h + "') "
                    + "EXECUTE FUNCTION refuse_unit()");
        }
        try {
            String id = submit(NDJSON, line(g, "80") + "\n" + line(h, "80") + "\n" + line(k, "80") + "\n");
            JsonPath job = awaitFinished(id);
            assertThat(job.getString("state")).isEqualTo("SUCCEEDED");
            assertThat(job.getInt("done")).isEqualTo(3);
            assertThat(job.getInt("failed")).isEqualTo(1);
            assertThat(job.getInt("errors[0].line")).isEqualTo(2);
            assertThat(job.getString("errors[0].unitCode")).isEqualTo(h);
            assertThat(job.getString("errors[0].errors[0].message"))
                    .startsWith("保存时出错，已尝试 3 次仍未成功").doesNotContain("refused by the test");
            // the chunk failed as a whole, then its unit-years were taken one by one: g and k landed once each
            for (String code : List.of(g, k)) {
                given().get("/api/v1/units/" + code + "/years/2024/budget").then().statusCode(200).header("ETag", "\"1\"");
                assertThat(events(code)).isEqualTo(1);
            }
            assertThat(events(h)).isZero();
            assertThat(count("SELECT attempts FROM import_job_item WHERE job_id = ?::uuid AND seq = 2", id)).isEqualTo(3);
        } finally {
            try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER refuse_unit ON unit");
            }
        }
    }

    @Test
    void onlyAdministratorsSubmitAndReadJobs() {
        String body = line(Golden.newCode(), "80");
        TestAuth.anonymous().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs/budget-imports").then().statusCode(401);
        TestAuth.as(TestAuth.tokens().viewer()).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs/budget-imports").then().statusCode(403);
        TestAuth.as(TestAuth.tokens().finance("114303210062309155")).contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/jobs/budget-imports").then().statusCode(403);
        String id = submit(NDJSON, body);
        TestAuth.anonymous().get("/api/v1/jobs/" + id).then().statusCode(401);
        TestAuth.as(TestAuth.tokens().evaluator("批量县")).get("/api/v1/jobs/" + id).then().statusCode(403);
        awaitFinished(id);
    }

    @Test
    void hostileUploads() {
        // not NDJSON
        given().contentType("application/json").body(line(Golden.newCode(), "80").getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs/budget-imports")
                .then().statusCode(415);
        // nothing in it
        given().contentType(NDJSON).body("\n \n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs/budget-imports").then().statusCode(400);
        // not UTF-8
        given().contentType(NDJSON).body(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}).post("/api/v1/jobs/budget-imports")
                .then().statusCode(400);
        // a CSV without the columns
        given().contentType("text/csv").body("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/jobs/budget-imports").then().statusCode(400);
        // lines that are not a unit-year's object, one huge line, an unknown field: each reported, the good one lands
        String good = Golden.newCode();
        String huge = "{\"unitCode\":\"" + Golden.newCode() + "\",\"year\":2024,\"unit\":{\"name\":\"" + "长".repeat(150_000) + "\"}}";
        String id = submit(NDJSON, String.join("\n", "[1,2,3]", "not json", huge,
                "{\"unitCode\":\"" + Golden.newCode() + "\",\"year\":2024,\"unit\":{\"name\":\"甲\",\"county\":\"批量县\",\"province\":\"湖南省\",\"kind\":\"行政\"},\"colour\":1}",
                "{\"unitCode\":\"" + Golden.newCode() + "\",\"year\":\"2024\",\"unit\":{\"name\":\"甲\",\"county\":\"批量县\",\"province\":\"湖南省\",\"kind\":\"行政\"}}",
                line(good, "80")));
        JsonPath job = awaitFinished(id);
        assertThat(job.getInt("total")).isEqualTo(6);
        assertThat(job.getInt("failed")).isEqualTo(5);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(1, 2, 3, 4, 5);
        assertThat(job.getString("errors[0].errors[0].field")).isEqualTo("line");
        assertThat(job.getString("errors[2].errors[0].field")).isEqualTo("line");
        assertThat(job.getString("errors[2].errors[0].message")).contains("100000");
        assertThat(job.getString("errors[3].errors[0].field")).isEqualTo("colour");
        assertThat(job.getString("errors[3].errors[0].message")).startsWith("未知字段 colour");
        assertThat(job.getString("errors[4].errors[0].field")).isEqualTo("year");
        given().get("/api/v1/units/" + good + "/years/2024/budget").then().statusCode(200);
        // job ids
        given().get("/api/v1/jobs/abc").then().statusCode(400);
        given().get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }
}
