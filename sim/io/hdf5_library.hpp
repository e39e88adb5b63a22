#pragma once
// Process-wide set-up of the HDF5 library.
namespace campusflow::io {

// Call first thing in main(), before any other HDF5 call. HDF5 registers an
// exit handler that closes whatever is still open; after a write failed
// (a full disk) the file it then closes is half torn down, and libhdf5 1.10
// crashes there (SIGSEGV in H5F__close_cb), turning a clean "exit 1" into a
// signal. Every file campusflow opens is closed by its owner before exit, so
// the handler has nothing of ours to do.
void skip_hdf5_exit_cleanup();

}  // namespace campusflow::io
