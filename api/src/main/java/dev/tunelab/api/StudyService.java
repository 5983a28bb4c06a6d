package dev.tunelab.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.board.Leaderboards;
import dev.tunelab.api.board.SortKey;
import dev.tunelab.api.board.StudyAnalysis;
import dev.tunelab.core.messages.ControlMessage;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.Topics;
import dev.tunelab.core.study.Direction;
import dev.tunelab.core.study.StudyParser;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.ArtifactEntity;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.Projects;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Creates, reads and cancels studies; the scheduler does the rest from what is stored here. */
@ApplicationScoped
public class StudyService {
  @Inject DatasetService datasets;
  @Inject Outbox outbox;

  @Inject Leaderboards leaderboards;

  /** A page of a leaderboard, in the order asked for; {@code total} counts the trials that match. */
  public record Page(List<TrialView> items, int page, int size, long total, String sort, String order) {}

  @Transactional
  public StudyView create(JsonNode body) {
    StudyParser parser = new StudyParser(datasets::facts, () -> ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
    StudySpec spec = parser.parse(body);
    StudyEntity s = new StudyEntity();
    s.id = UUID.randomUUID();
    s.projectId = Projects.DEFAULT;
    s.name = spec.name();
    s.status = StudyStatus.PENDING;
    s.datasetId = spec.dataset();
    s.specJson = Json.write(spec);
    s.direction = spec.objective().direction().json();
    s.plannedTrials = spec.plannedTrials();
    s.parallelTrials = spec.budget().parallelTrials();
    s.createdAt = Instant.now();
    s.persist();
    return view(s);
  }

  /**
   * Every study with its progress and best trial, in three queries whatever the number of studies
   * (counts, best trials, dataset names): one pair of queries per study held a connection for
   * seconds once there were hundreds of studies, and concurrent lists then ran out of connections.
   */
  @Transactional
  public List<StudyView> list() {
    List<StudyEntity> studies = StudyEntity.list("projectId = ?1 order by createdAt desc", Projects.DEFAULT);
    if (studies.isEmpty()) return List.of();
    var em = TrialEntity.getEntityManager();
    Map<UUID, Map<String, Integer>> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> countRows = em.createNativeQuery("select t.study_id, t.status, count(*) from trial t"
            + " join study s on s.id = t.study_id where s.project_id = ?1 group by t.study_id, t.status")
        .setParameter(1, Projects.DEFAULT)
        .getResultList();
    for (Object[] r : countRows) counts.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((String) r[1], ((Number) r[2]).intValue());
    // Each study's best trial by the (study_id, objective) index, in the study's direction.
    Map<UUID, StudyView.Best> bests = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> bestRows = em.createNativeQuery("select s.id, b.number, b.objective, b.params_json from study s"
            + " cross join lateral (select number, objective, params_json from trial t where t.study_id = s.id"
            + "   and t.status = 'COMPLETED' and t.objective is not null and s.direction = 'maximize'"
            + "   order by objective desc, number limit 1) b where s.project_id = ?1"
            + " union all select s.id, b.number, b.objective, b.params_json from study s"
            + " cross join lateral (select number, objective, params_json from trial t where t.study_id = s.id"
            + "   and t.status = 'COMPLETED' and t.objective is not null and s.direction <> 'maximize'"
            + "   order by objective asc, number limit 1) b where s.project_id = ?1")
        .setParameter(1, Projects.DEFAULT)
        .getResultList();
    for (Object[] r : bestRows) bests.put((UUID) r[0], best((UUID) r[0], r));
    Map<String, String> datasetNames = new HashMap<>();
    for (DatasetEntity d : DatasetEntity.<DatasetEntity>listAll()) datasetNames.put(d.id, d.name);
    return studies.stream()
        .map(st -> StudyView.of(st, datasetNames.get(st.datasetId), progress(st, counts.getOrDefault(st.id, Map.of())), bests.get(st.id)))
        .toList();
  }

  @Transactional
  public StudyView get(UUID id) {
    return view(study(id));
  }

  @Transactional
  public Page trials(UUID id, int page, int size, String sort, String order, String status) {
    StudyEntity s = study(id);
    List<String> names = paramNames(s);
    SortKey key = SortKey.parse(sort, order, names);
    Leaderboards.PageRows rows = leaderboards.page(id, maximize(s), names, key, statuses(status), page, size);
    Map<UUID, TrialEntity> byId = new HashMap<>();
    if (!rows.ids().isEmpty()) {
      for (TrialEntity t : TrialEntity.<TrialEntity>list("id in ?1", rows.ids())) byId.put(t.id, t);
    }
    Set<UUID> withModel = withModel(rows.ids());
    List<TrialView> items = new ArrayList<>();
    for (int i = 0; i < rows.ids().size(); i++) {
      TrialEntity t = byId.get(rows.ids().get(i));
      if (t != null) items.add(TrialView.of(t, withModel.contains(t.id), rows.ranks().get(i)));
    }
    return new Page(items, page, size, rows.total(), key.column(), key.descending() ? "desc" : "asc");
  }

  private static Set<String> statuses(String status) {
    if (status == null || status.isBlank()) return Set.of();
    Set<String> out = new HashSet<>();
    for (String part : status.split(",")) {
      String name = part.strip().toUpperCase(Locale.ROOT);
      if (name.isEmpty()) continue;
      try {
        out.add(TrialStatus.valueOf(name).name());
      } catch (IllegalArgumentException e) {
        throw ApiProblem.invalid("$.status", "must be trial statuses separated by commas ("
            + Arrays.stream(TrialStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + "); got '" + part.strip() + "'");
      }
    }
    return out;
  }

  static List<String> paramNames(StudyEntity s) {
    return List.copyOf(Json.read(s.specJson, StudySpec.class).space().params().keySet());
  }

  static boolean maximize(StudyEntity s) {
    return Direction.parse(s.direction) == Direction.MAXIMIZE;
  }

  @Transactional
  public TrialView trial(UUID id, int number) {
    TrialEntity t = trialEntity(id, number);
    StudyEntity s = study(id);
    int rank = leaderboards.rank(id, maximize(s), paramNames(s), number);
    return TrialView.of(t, !withModel(List.of(t.id)).isEmpty(), rank);
  }

  @Transactional
  public TrialEntity trialEntity(UUID id, int number) {
    study(id);
    TrialEntity t = TrialEntity.find("studyId = ?1 and number = ?2", id, number).firstResult();
    if (t == null) throw ApiProblem.notFound("study " + id + " has no trial " + number);
    return t;
  }

  /**
   * The trial's learning curve across its attempts: each epoch as the newest attempt that reached
   * it reported it (a resumed attempt starts after its checkpoint), with that attempt's number.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public Map<String, Object> metrics(UUID id, int number) {
    TrialEntity t = trialEntity(id, number);
    List<Object[]> rows = TrialEntity.getEntityManager()
        .createNativeQuery("select epoch, attempt, metrics_json from trial_curve where trial_id = ?1 order by epoch", Object[].class)
        .setParameter(1, t.id).getResultList();
    List<Map<String, Object>> epochs = rows.stream().map(r -> {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("epoch", ((Number) r[0]).intValue());
      m.put("attempt", ((Number) r[1]).intValue());
      m.putAll(Json.read((String) r[2], Map.class));
      return m;
    }).toList();
    return Map.of("study", id.toString(), "trial", number, "attempt", t.attempt, "epochs", epochs);
  }

  /** What the analysis of a study needs from its spec. */
  @Transactional
  public StudyAnalysis.Study analysisOf(UUID id) {
    StudyEntity s = study(id);
    StudySpec spec = Json.read(s.specJson, StudySpec.class);
    return new StudyAnalysis.Study(id, maximize(s), spec.objective().metric(), spec.space());
  }

  /** The model card stored with a trial's model: network, parameters, metrics, data. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Map<String, Object> modelCard(UUID id, int number) {
    return Json.read(model(id, number).modelCardJson, Map.class);
  }

  @Transactional
  public ArtifactEntity model(UUID id, int number) {
    TrialEntity t = trialEntity(id, number);
    ArtifactEntity a = ArtifactEntity.findById(t.id);
    if (a == null) throw ApiProblem.notFound("trial " + number + " has no model (status " + t.state() + ")");
    return a;
  }

  @Transactional
  public int bestTrialNumber(UUID id) {
    StudyView.Best best = best(study(id));
    if (best == null) throw ApiProblem.notFound("study " + id + " has no completed trial with a model yet");
    return best.number();
  }

  /** Stops the study: queued trials are cancelled, running ones are told to stop between epochs. */
  @Transactional
  public StudyView cancel(UUID id) {
    StudyEntity s = StudyEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) throw ApiProblem.notFound("no study with id " + id);
    if (!s.active()) throw ApiProblem.conflict("study " + id + " is already " + s.status);
    s.status = StudyStatus.CANCELLED;
    s.finishedAt = Instant.now();
    s.message = "cancelled by request";
    List<TrialEntity> open = TrialEntity.list("studyId = ?1 and status in ?2", id,
        List.of(TrialStatus.QUEUED.name(), TrialStatus.RUNNING.name()));
    for (TrialEntity t : open) {
      outbox.add(Topics.CONTROL, t.id.toString(), new ControlMessage(ControlMessage.VERSION, ControlMessage.Type.STOP, t.id, t.attempt));
      if (t.state() == TrialStatus.QUEUED) {
        t.state(TrialStatus.CANCELLED);
        t.finishedAt = s.finishedAt;
        t.message = "study cancelled before the trial started";
      }
    }
    return view(s);
  }

  /**
   * Stops one trial; the study goes on. A queued trial is cancelled at once, a running one is told
   * to stop, which its worker does before its next minibatch and reports as CANCELLED.
   */
  @Transactional
  public TrialView cancelTrial(UUID id, int number) {
    study(id);
    TrialEntity t = TrialEntity.find("studyId = ?1 and number = ?2", id, number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    if (t == null) throw ApiProblem.notFound("study " + id + " has no trial " + number);
    if (t.state().finished()) throw ApiProblem.conflict("trial " + number + " is already " + t.state());
    outbox.add(Topics.CONTROL, t.id.toString(), new ControlMessage(ControlMessage.VERSION, ControlMessage.Type.STOP, t.id, t.attempt));
    if (t.state() == TrialStatus.QUEUED) {
      t.state(TrialStatus.CANCELLED);
      t.finishedAt = Instant.now();
      t.message = "cancelled by request before it started";
    }
    return TrialView.of(t, false);
  }

  private StudyEntity study(UUID id) {
    StudyEntity s = StudyEntity.findById(id);
    if (s == null || !Projects.DEFAULT.equals(s.projectId)) throw ApiProblem.notFound("no study with id " + id);
    return s;
  }

  private StudyView view(StudyEntity s) {
    // count(*) reads only the (study_id, status) index. The id is written into the statement (a
    // UUID, never text from a request): with a bind parameter PostgreSQL soon plans once for any
    // study, and for a study holding a large share of all trials that plan scans the whole table.
    @SuppressWarnings("unchecked")
    List<Object[]> counts = TrialEntity.getEntityManager()
        .createNativeQuery("select status, count(*) from trial where study_id = '" + s.id + "'::uuid group by status")
        .getResultList();
    Map<String, Integer> by = new HashMap<>();
    for (Object[] c : counts) by.put((String) c[0], ((Number) c[1]).intValue());
    DatasetEntity dataset = DatasetEntity.findById(s.datasetId);
    return StudyView.of(s, dataset == null ? null : dataset.name, progress(s, by), best(s));
  }

  private static StudyView.Progress progress(StudyEntity s, Map<String, Integer> by) {
    int completed = by.getOrDefault(TrialStatus.COMPLETED.name(), 0);
    int failed = by.getOrDefault(TrialStatus.FAILED.name(), 0);
    int cancelled = by.getOrDefault(TrialStatus.CANCELLED.name(), 0);
    int pruned = by.getOrDefault(TrialStatus.PRUNED.name(), 0);
    int skipped = by.getOrDefault(TrialStatus.SKIPPED.name(), 0);
    return new StudyView.Progress(s.plannedTrials, completed + pruned + skipped + failed + cancelled, completed,
        by.getOrDefault(TrialStatus.RUNNING.name(), 0), by.getOrDefault(TrialStatus.QUEUED.name(), 0), pruned, skipped, failed, cancelled);
  }

  @SuppressWarnings("unchecked")
  private StudyView.Best best(StudyEntity s) {
    String order = Direction.parse(s.direction) == Direction.MAXIMIZE ? "desc" : "asc";
    // The id is written into the statement for the reason given in view(): a plan made for any
    // study sorts a big one's trials instead of walking the (study_id, objective) index.
    List<Object[]> rows = TrialEntity.getEntityManager().createNativeQuery("select number, objective, params_json from trial"
        + " where study_id = '" + s.id + "'::uuid and status = 'COMPLETED' and objective is not null"
        + " order by objective " + order + ", number limit 1", Object[].class).getResultList();
    return rows.isEmpty() ? null : best(s.id, rows.get(0));
  }

  /** A best trial from a row ending in its number, objective and parameters. */
  @SuppressWarnings("unchecked")
  private static StudyView.Best best(UUID studyId, Object[] r) {
    int n = r.length;
    return new StudyView.Best(((Number) r[n - 3]).intValue(), ((Number) r[n - 2]).doubleValue(),
        Json.read((String) r[n - 1], Map.class), "/api/v1/studies/" + studyId + "/best-model");
  }

  private static Set<UUID> withModel(List<UUID> trialIds) {
    if (trialIds.isEmpty()) return Set.of();
    return new HashSet<>(ArtifactEntity.getEntityManager()
        .createQuery("select a.trialId from ArtifactEntity a where a.trialId in :ids", UUID.class)
        .setParameter("ids", trialIds).getResultList());
  }
}
