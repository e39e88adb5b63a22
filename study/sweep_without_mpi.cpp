// A build without CAMPUSFLOW_MPI: the sweep runs on threads only. The
// command refuses mpirun in such a build (mpi_available()) before it gets here.
#include <stdexcept>

#include "study/sweep.hpp"

namespace campusflow::study {

bool mpi_available() { return false; }

SweepOutcome sweep_mpi(const StudyRunner&, const std::filesystem::path&, int, const std::atomic<bool>*,
                       const ProgressSink&) {
  throw std::logic_error("this campusflow was built without MPI (cmake -DCAMPUSFLOW_MPI=ON)");
}

}  // namespace campusflow::study
