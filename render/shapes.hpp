#pragma once
// Filled shapes appended to a triangle vertex array, so that a whole layer
// (every agent, every wall) is one draw call.
#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace campusflow::render {

void add_quad(sf::VertexArray& tris, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, sf::Color colour);
// A segment drawn `thickness` pixels wide.
void add_line(sf::VertexArray& tris, sf::Vector2f a, sf::Vector2f b, float thickness, sf::Color colour);
// A rectangle of length x width pixels centred at `centre`, its length along `heading` (radians, screen frame).
void add_box(sf::VertexArray& tris, sf::Vector2f centre, float length, float width, float heading, sf::Color colour);

}  // namespace campusflow::render
