#pragma once
// Classes led by a teacher, and classes released in stages (DESIGN.md, behaviour): the teacher walks the
// class's route first and waits, on open floor, while the last pupil is more
// than the class's spread behind; pupils do not get ahead of a waiting
// teacher. Progress along the way is Agents::remaining (the router's cost of
// the way still ahead), so "behind" means behind along the route, on any level.
//
// Two rules keep a class from locking itself in: nobody waits on a stair, in
// or just past an opening (the class must be able to follow), and a teacher
// waits at most kMaxTeacherWait at a time (a class that cannot close up, say
// behind a jam, is led on rather than held for ever).
#include <cstdint>
#include <span>
#include <vector>

#include "sim/ped/agents.hpp"
#include "sim/scenario/compiled_scenario.hpp"

namespace campusflow {

class ClassLeading {
 public:
  explicit ClassLeading(const CompiledScenario& sc);

  // Before each tick: releases the classes waiting for a stair to clear once
  // it has been used and is empty again (their members' pre-movement starts).
  void release_waiting(Agents& agents, std::span<const std::uint32_t> active, std::span<const char> stair_used,
                       TimeUs now);

  // After each commit, in agent order: measures each class's spread and
  // decides whether its teacher waits.
  void update(const Agents& agents, TimeUs now);

  // The speed agent i may walk at [m/s]: 0 for a waiting teacher and for a
  // pupil level with or ahead of it; +infinity otherwise.
  double speed_cap(const Agents& agents, std::uint32_t i) const;

 private:
  // Standing here would block an opening for the ones behind.
  bool in_the_way(const Agents& agents, std::uint32_t i) const;

  const CompiledScenario& sc_;
  std::vector<double> lag_;          // (groups) [m] how far the last pupil is behind the teacher
  std::vector<char> waiting_;        // (groups) the teacher waits for the class
  std::vector<TimeUs> wait_since_;   // (groups) [us] when the current wait began
  std::vector<char> held_;           // (groups) not yet released: waiting for a stair to clear
};

}  // namespace campusflow
