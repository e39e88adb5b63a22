#include "study/study_table.hpp"

#include <hdf5.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "sim/io/csv_file.hpp"
#include "sim/io/hdf5_handle.hpp"
#include "sim/io/hdf5_objects.hpp"
#include "sim/io/output_file.hpp"

namespace campusflow::study {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kSpreadColumns[] = {"values", "mean", "sd", "p5", "p50", "p95", "ci95_low", "ci95_high"};

double percentile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

bool numeric_factor(const Factor& f) {
  return std::all_of(f.values.begin(), f.values.end(), [](const boost::json::value& v) { return v.is_number(); });
}

std::string header_with_unit(const std::string& name, const std::string& unit) {
  return unit.empty() ? name : name + " [" + unit + "]";
}

void write_runs_csv(const std::filesystem::path& dir, const StudyTables& t) {
  io::CsvFile csv(dir / "runs.csv");
  csv.text("run").text("variant");
  for (const Factor& f : t.spec->factors) csv.text(header_with_unit(f.name, f.unit));
  csv.text("seed").text("status");
  for (std::size_t m = 0; m < t.metrics.size(); ++m) csv.text(header_with_unit(t.metrics[m], t.units[m]));
  csv.end_row();
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!t.rows[r]) continue;
    const PlannedRun& run = t.plan->runs[r];
    const StudyCase& c = t.plan->cases[run.case_index];
    csv.number(static_cast<std::uint64_t>(r)).text(t.spec->variants[c.variant].name);
    for (std::size_t f = 0; f < t.spec->factors.size(); ++f) {
      const boost::json::value& v = t.spec->factors[f].values[c.levels[f]];
      if (v.is_number()) csv.number(v.to_number<double>());
      else csv.text(value_text(v));
    }
    csv.number(run.seed).text(status_name(t.rows[r]->status));
    for (double x : t.rows[r]->values) {
      if (std::isfinite(x)) csv.number(x);
      else csv.empty();
    }
    csv.end_row();
  }
  csv.publish();
}

void write_aggregate_csv(const std::filesystem::path& dir, const StudyTables& t, const std::vector<CaseSummary>& s) {
  io::CsvFile csv(dir / "aggregate.csv");
  csv.text("variant");
  for (const Factor& f : t.spec->factors) csv.text(header_with_unit(f.name, f.unit));
  csv.text("metric").text("unit").text("runs").text("incomplete").text("failed");
  for (const char* column : kSpreadColumns) csv.text(column);
  csv.end_row();
  for (std::size_t c = 0; c < s.size(); ++c) {
    const StudyCase& sc = t.plan->cases[c];
    for (std::size_t m = 0; m < t.metrics.size(); ++m) {
      csv.text(t.spec->variants[sc.variant].name);
      for (std::size_t f = 0; f < t.spec->factors.size(); ++f) {
        const boost::json::value& v = t.spec->factors[f].values[sc.levels[f]];
        if (v.is_number()) csv.number(v.to_number<double>());
        else csv.text(value_text(v));
      }
      csv.text(t.metrics[m]).text(t.units[m]);
      csv.number(static_cast<std::uint64_t>(s[c].runs))
          .number(static_cast<std::uint64_t>(s[c].incomplete))
          .number(static_cast<std::uint64_t>(s[c].failed));
      const Spread& sp = s[c].metrics[m];
      csv.number(static_cast<std::uint64_t>(sp.values));
      for (double x : {sp.mean, sp.sd, sp.p5, sp.p50, sp.p95, sp.ci_low, sp.ci_high}) {
        if (std::isfinite(x)) csv.number(x);
        else csv.empty();
      }
      csv.end_row();
    }
  }
  csv.publish();
}

void write_doubles(hid_t group, const std::string& name, const std::vector<double>& values, std::size_t columns = 1) {
  io::write_rows(group, name.c_str(), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.size() / columns, values.data(), columns);
}
void write_integers(hid_t group, const char* name, const std::vector<std::int64_t>& values) {
  io::write_rows(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.size(), values.data());
}

// A factor's column over `cases` (one entry per table row): numbers as
// float64, anything else as its JSON text; its name and unit as attributes.
void write_factor_column(hid_t group, std::size_t f, const StudyTables& t, const std::vector<std::size_t>& cases) {
  const Factor& factor = t.spec->factors[f];
  const std::string name = "factor_" + std::to_string(f);
  if (numeric_factor(factor)) {
    std::vector<double> column;
    for (std::size_t c : cases) column.push_back(factor.values[t.plan->cases[c].levels[f]].to_number<double>());
    write_doubles(group, name, column);
  } else {
    std::vector<std::string> column;
    for (std::size_t c : cases) column.push_back(value_text(factor.values[t.plan->cases[c].levels[f]]));
    io::write_strings(group, name.c_str(), column);
  }
  const io::Handle set(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose);
  io::write_attribute(set.get(), "name", factor.name);
  io::write_attribute(set.get(), "unit", factor.unit);
}

void write_names(hid_t group, const StudyTables& t) {
  std::vector<std::string> factor_names;
  for (const Factor& f : t.spec->factors) factor_names.push_back(f.name);
  io::write_strings(group, "factor_names", factor_names);
  io::write_strings(group, "metric_names", t.metrics);
  io::write_strings(group, "metric_units", t.units);
}

void write_runs_group(hid_t file, const StudyTables& t) {
  const io::Handle g = io::create_group(file, "runs");
  std::vector<std::int64_t> run, case_index;
  std::vector<std::uint64_t> seeds;
  std::vector<std::string> variant, status;
  std::vector<std::size_t> cases;
  std::vector<double> values;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!t.rows[r]) continue;
    const PlannedRun& p = t.plan->runs[r];
    run.push_back(static_cast<std::int64_t>(r));
    case_index.push_back(static_cast<std::int64_t>(p.case_index));
    cases.push_back(p.case_index);
    seeds.push_back(p.seed);
    variant.push_back(t.spec->variants[t.plan->cases[p.case_index].variant].name);
    status.emplace_back(status_name(t.rows[r]->status));
    values.insert(values.end(), t.rows[r]->values.begin(), t.rows[r]->values.end());
  }
  write_integers(g.get(), "run", run);
  write_integers(g.get(), "case", case_index);
  io::write_rows(g.get(), "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, seeds.size(), seeds.data());
  io::write_strings(g.get(), "variant", variant);
  io::write_strings(g.get(), "status", status);
  for (std::size_t f = 0; f < t.spec->factors.size(); ++f) write_factor_column(g.get(), f, t, cases);
  write_names(g.get(), t);
  // runs x metrics, NaN where a run has no value.
  io::write_rows(g.get(), "values", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, run.size(), values.data(),
                 std::max<std::size_t>(1, t.metrics.size()));
}

void write_aggregate_group(hid_t file, const StudyTables& t, const std::vector<CaseSummary>& s) {
  const io::Handle g = io::create_group(file, "aggregate");
  std::vector<std::size_t> cases;
  std::vector<std::int64_t> runs, incomplete, failed;
  std::vector<std::string> variant;
  for (std::size_t c = 0; c < s.size(); ++c) {
    cases.push_back(c);
    runs.push_back(static_cast<std::int64_t>(s[c].runs));
    incomplete.push_back(static_cast<std::int64_t>(s[c].incomplete));
    failed.push_back(static_cast<std::int64_t>(s[c].failed));
    variant.push_back(t.spec->variants[t.plan->cases[c].variant].name);
  }
  io::write_strings(g.get(), "variant", variant);
  write_integers(g.get(), "runs", runs);
  write_integers(g.get(), "incomplete", incomplete);
  write_integers(g.get(), "failed", failed);
  for (std::size_t f = 0; f < t.spec->factors.size(); ++f) write_factor_column(g.get(), f, t, cases);
  write_names(g.get(), t);
  for (std::size_t m = 0; m < t.metrics.size(); ++m) {
    std::vector<double> table;  // cases x the spread's columns
    for (const CaseSummary& cs : s) {
      const Spread& sp = cs.metrics[m];
      table.insert(table.end(), {static_cast<double>(sp.values), sp.mean, sp.sd, sp.p5, sp.p50, sp.p95, sp.ci_low, sp.ci_high});
    }
    const std::string name = "metric_" + std::to_string(m);
    write_doubles(g.get(), name, table, std::size(kSpreadColumns));
    const io::Handle set(H5Dopen2(g.get(), name.c_str(), H5P_DEFAULT), H5Dclose);
    io::write_attribute(set.get(), "name", t.metrics[m]);
    io::write_attribute(set.get(), "unit", t.units[m]);
    std::string columns;
    for (const char* col : kSpreadColumns) {
      if (!columns.empty()) columns += ',';
      columns += col;
    }
    io::write_attribute(set.get(), "columns", columns);
  }
}

// study.h5, written to the claim's .partial (as a run's result is) and
// published whole by the caller.
void write_study_h5(const io::OutputFile& claim, const StudyTables& t, const std::vector<CaseSummary>& s) {
  const io::QuietHdf5Errors quiet;
  const std::string cannot = "cannot create " + claim.partial_path().string() + ": ";
  // The claim holds the .partial's lock; HDF5's own would conflict with it.
  const io::Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  // No modification times in the root group's header either (as in io::create_group).
  const io::Handle creation(H5Pcreate(H5P_FILE_CREATE), H5Pclose);
  if (!access.valid() || !creation.valid() || H5Pset_file_locking(access.get(), false, true) < 0 ||
      H5Pset_libver_bounds(access.get(), H5F_LIBVER_V18, H5F_LIBVER_V18) < 0 ||
      H5Pset_obj_track_times(creation.get(), false) < 0)
    throw io::IoError(cannot + "HDF5 file properties");
  io::Handle file(H5Fcreate(claim.partial_path().c_str(), H5F_ACC_TRUNC, creation.get(), access.get()), H5Fclose);
  if (!file.valid()) throw io::IoError(cannot + "not writable");
  claim.verify();
  const hid_t root = file.get();
  io::write_attribute(root, "format", std::string("campusflow-study/1"));
  io::write_attribute(root, "version", std::string(CAMPUSFLOW_VERSION));
  io::write_attribute(root, "name", t.spec->name);
  io::write_attribute(root, "description", t.spec->description);
  io::write_attribute(root, "study_file", t.spec->file);
  io::write_attribute(root, "study_text", t.spec->text);
  io::write_attribute(root, "scenario_file", t.spec->scenario.string());
  io::write_attribute(root, "scenario_text", t.scenario_text);
  io::write_attribute(root, "planned_runs", static_cast<std::int64_t>(t.rows.size()));
  write_runs_group(root, t);
  write_aggregate_group(root, t, s);
  if (file.close() < 0) throw io::IoError("cannot write " + claim.partial_path().string() + " (disk full?)");
}

}  // namespace

Spread spread_of(std::vector<double> values) {
  std::erase_if(values, [](double x) { return !std::isfinite(x); });
  Spread s{values.size(), kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size());
  double sum = 0.0;
  for (double x : values) sum += x;
  s.mean = sum / n;
  s.p5 = percentile(values, 0.05);
  s.p50 = percentile(values, 0.50);
  s.p95 = percentile(values, 0.95);
  if (values.size() < 2) return s;
  double squares = 0.0;
  for (double x : values) squares += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(squares / (n - 1.0));
  const boost::math::students_t t(n - 1.0);
  const double half = boost::math::quantile(t, 0.975) * s.sd / std::sqrt(n);
  s.ci_low = s.mean - half;
  s.ci_high = s.mean + half;
  return s;
}

std::vector<CaseSummary> summarise(const StudyTables& t) {
  std::vector<CaseSummary> out(t.plan->cases.size());
  std::vector<std::vector<std::vector<double>>> values(out.size(), std::vector<std::vector<double>>(t.metrics.size()));
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!t.rows[r]) continue;
    const std::size_t c = t.plan->runs[r].case_index;
    ++out[c].runs;
    out[c].incomplete += t.rows[r]->status != RunStatus::kComplete;
    out[c].failed += t.rows[r]->status == RunStatus::kFailed;
    for (std::size_t m = 0; m < t.metrics.size() && m < t.rows[r]->values.size(); ++m)
      values[c][m].push_back(t.rows[r]->values[m]);
  }
  for (std::size_t c = 0; c < out.size(); ++c)
    for (std::size_t m = 0; m < t.metrics.size(); ++m) out[c].metrics.push_back(spread_of(values[c][m]));
  return out;
}

void write_study_tables(const std::filesystem::path& dir, const StudyTables& t) {
  const std::vector<CaseSummary> s = summarise(t);
  write_runs_csv(dir, t);
  write_aggregate_csv(dir, t, s);
  io::OutputFile h5(dir / "study.h5", io::Unpublished::kRemove);
  write_study_h5(h5, t, s);
  h5.publish();
}

}  // namespace campusflow::study
