#pragma once
// Colours of the replay: one per pedestrian profile, and colour scales for
// speed and local density. Chosen to stay apart for colour-blind viewers
// (Okabe & Ito 2008 for the profiles; a viridis-like ramp for the scales).
#include <SFML/Graphics/Color.hpp>
#include <cstddef>

namespace campusflow::render {

// The colour of profile k (kindergarten, primary, secondary, adult, impaired, ...).
sf::Color profile_colour(std::size_t k);
// x in [0, 1] on a dark-blue to yellow ramp (clamped).
sf::Color ramp_colour(double x);

namespace colours {
inline const sf::Color kBackground{246, 244, 238};
inline const sf::Color kOutside{206, 203, 196};    // not walkable
inline const sf::Color kFloor{255, 255, 255};
inline const sf::Color kWall{60, 60, 64};
inline const sf::Color kRoad{110, 112, 118};
inline const sf::Color kLaneMark{235, 235, 235};
inline const sf::Color kSidewalk{196, 190, 178};
inline const sf::Color kStall{150, 170, 205};
inline const sf::Color kCrossing{250, 250, 250};
inline const sf::Color kVehicle{40, 40, 44};
inline const sf::Color kText{30, 30, 34};
}  // namespace colours

}  // namespace campusflow::render
