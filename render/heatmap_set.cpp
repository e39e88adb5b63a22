#include "render/heatmap_set.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <sstream>
#include <stdexcept>

#include "analysis/heatmap.hpp"
#include "analysis/queue_map.hpp"
#include "render/heatmap_image.hpp"
#include "render/png_encoder.hpp"
#include "render/scene.hpp"

namespace campusflow::render {

void write_heatmaps(const Replay& replay, io::OutputFolder& out, const std::filesystem::path& dir) {
  // Per floor: the highest density, the time above 2 and 4 P/m^2 (1 m cells
  // sampled every second, as the result's density table) and the people who
  // passed each half-metre cell.
  std::ostringstream json;
  json << "{\"maps\": [";
  bool first = true;
  // Saves one picture and names it in heatmaps.json: level k's, or flight k's.
  auto save = [&](const sf::Image& image, const std::string& stem, std::size_t k, const std::string& level_name,
                  const char* kind, const char* unit, double top, double max, double cell) {
    const std::string name = stem + std::to_string(k) + "-" + kind + ".png";
    out.write(dir / name, encode_png(image));
    // Level names come from the scenario and may hold quotes or backslashes.
    json << (first ? "\n" : ",\n") << "  {\"file\": \"" << name << "\", \"" << stem << "\": " << k
         << ", \"level_name\": " << boost::json::serialize(boost::json::value(level_name)) << ", \"kind\": \"" << kind
         << "\", \"unit\": \"" << unit << "\", \"scale_top\": " << top << ", \"max\": " << max
         << ", \"cell\": " << cell << "}";
    first = false;
  };
  auto add = [&](const sf::Image& image, std::size_t k, const char* kind, const char* unit, double top, double max,
                 double cell) { save(image, "level", k, replay.levels()[k].name, kind, unit, top, max, cell); };
  for (std::size_t k = 0; k < replay.levels().size(); ++k) {
    const ReplayLevel& level = replay.levels()[k];
    if (static_cast<int>(k) == replay.street_level()) {
      // The gate: where along the lanes the queue stood, 5 m stretches.
      const auto lanes = analysis::queue_occupancy(replay.street_frames(), replay.street().lanes);
      double most = 0.0;
      for (const auto& o : lanes) most = std::max(most, *std::max_element(o.share.begin(), o.share.end()));
      add(queue_map_image(lanes, replay.street(), level.bounds), k, "queue-occupancy", "share of time", 1.0, most,
          lanes.empty() ? 5.0 : lanes.front().stretch);
      continue;
    }
    const analysis::TrajectorySet t(replay.rows_on_level(static_cast<int>(k), true), replay.fps());
    const analysis::DensityMaps d = analysis::density_maps(t, level.bounds, 1.0);
    const analysis::Heatmap passages = analysis::passage_map(t, level.bounds, 0.5);
    struct Map {
      const char* kind;
      const analysis::Heatmap& map;
      double top;
      const char* unit;
    };
    const Map maps[] = {{"max-density", d.max_density, kDensityScaleTop, "P/m2"},
                        {"above-2", d.above_2, std::max(1.0, d.above_2.max()), "s"},
                        {"above-4", d.above_4, std::max(1.0, d.above_4.max()), "s"},
                        {"passages", passages, std::max(1.0, passages.max()), "people"}};
    for (const Map& m : maps) add(heatmap_image(m.map, level, m.top), k, m.kind, m.unit, m.top, m.map.max(), m.map.cell);
  }
  // Each stair's flight in its own frame, from the result's density samples
  // (1 m cells every second): where queues on stairs grow dense.
  for (std::size_t f = 0; f < replay.flights().size(); ++f) {
    const ReplayLevel& flight = replay.flights()[f];
    analysis::Heatmap map(flight.bounds, 1.0);
    for (const io::DensityRow& row : replay.flight_density()[f]) {
      int ix = 0, iy = 0;
      if (map.cell_of({row.x, row.y}, ix, iy)) map.at(ix, iy) = std::max(map.at(ix, iy), row.density);
    }
    save(heatmap_image(map, flight, kDensityScaleTop), "flight", f, flight.name, "max-density", "P/m2",
         kDensityScaleTop, map.max(), map.cell);
  }
  json << "\n]}\n";
  out.write(dir / "heatmaps.json", json.str());
}

}  // namespace campusflow::render
