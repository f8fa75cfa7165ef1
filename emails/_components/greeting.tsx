import { Text } from "@react-email/components";
import { paragraph } from "./styles";

export function Greeting({ name }: { name?: string }) {
  return <Text style={paragraph}>{name ? `Hi ${name},` : "Hello,"}</Text>;
}
